package dev.ordertracker.bridge.security;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Verifies bridge tokens with vertx-auth-jwt and turns them into {@link ClientClaims}. Expiry is checked here
 * (the provider ignores it) so that a correctly signed but expired token gets its own code, auth_expired, and a
 * badly signed one never does. Build it with {@link #create} off the event loop: key parsing is CPU work.
 */
public final class TokenAuthenticator {
  private static final int MAX_TOKEN_CHARS = 8192;

  private final JWTAuth provider;
  private final String algorithm;
  private final boolean canIssue;
  private final Clock clock;

  private TokenAuthenticator(JWTAuth provider, String algorithm, boolean canIssue, Clock clock) {
    this.provider = provider;
    this.algorithm = algorithm;
    this.canIssue = canIssue;
    this.clock = clock;
  }

  /** @param settings with a secret (HS*) or a public key (RS256/ES256) — see {@link JwtSettings} */
  public static TokenAuthenticator create(Vertx vertx, JwtSettings settings, Clock clock) {
    JWTAuthOptions options = new JWTAuthOptions()
        .setJWTOptions(new JWTOptions().setAlgorithm(settings.algorithm()).setIgnoreExpiration(true));
    boolean canIssue;
    if (settings.symmetric()) {
      if (settings.secret() == null) {
        throw new IllegalArgumentException("jwt.secret: required (generate one before creating the authenticator)");
      }
      options.addPubSecKey(new PubSecKeyOptions().setAlgorithm(settings.algorithm()).setBuffer(settings.secret()));
      canIssue = true;
    } else {
      options.addPubSecKey(new PubSecKeyOptions().setAlgorithm(settings.algorithm())
          .setBuffer(settings.publicKeyPem()));
      canIssue = settings.privateKeyPem() != null;
      if (canIssue) {
        options.addPubSecKey(new PubSecKeyOptions().setAlgorithm(settings.algorithm())
            .setBuffer(settings.privateKeyPem()));
      }
    }
    return new TokenAuthenticator(JWTAuth.create(vertx, options), settings.algorithm(), canIssue, clock);
  }

  /** Fails with a {@link BridgeRefusal}: auth_required (blank), auth_invalid or auth_expired. */
  public Future<ClientClaims> authenticate(String token) {
    if (token == null || token.isBlank()) {
      return Future.failedFuture(new BridgeRefusal(BridgeErrorCode.AUTH_REQUIRED, null));
    }
    if (token.length() > MAX_TOKEN_CHARS) {
      return Future.failedFuture(new BridgeRefusal(BridgeErrorCode.AUTH_INVALID, "token too long"));
    }
    return provider.authenticate(new TokenCredentials(token))
        .recover(err -> Future.failedFuture(new BridgeRefusal(BridgeErrorCode.AUTH_INVALID, err.getMessage())))
        .compose(this::claimsOf);
  }

  private Future<ClientClaims> claimsOf(User user) {
    JsonObject payload = user.attributes().getJsonObject("accessToken");
    if (payload == null) {
      return Future.failedFuture(new BridgeRefusal(BridgeErrorCode.AUTH_INVALID, "no payload"));
    }
    try {
      ClientClaims claims = ClientClaims.fromPayload(payload);
      if (claims.isExpired(clock.instant())) {
        return Future.failedFuture(new BridgeRefusal(BridgeErrorCode.AUTH_EXPIRED, "expired at "
            + claims.expiresAt()));
      }
      return Future.succeededFuture(claims);
    } catch (BridgeRefusal refusal) {
      return Future.failedFuture(refusal);
    }
  }

  /** True when this authenticator holds a signing key (HS*, or a configured private key). */
  public boolean canIssue() {
    return canIssue;
  }

  /** Signs {@code claims} (their exp is used as is). For demo tokens, tests and launchers. */
  public String issue(ClientClaims claims) {
    if (!canIssue) {
      throw new IllegalStateException("no signing key configured (jwt.private_key_pem)");
    }
    return provider.generateToken(claims.toPayload(), new JWTOptions().setAlgorithm(algorithm).setNoTimestamp(true));
  }

  /** A token for {@code subject} without restrictions, valid for {@code ttl}. */
  public String issue(String subject, Duration ttl) {
    Instant exp = clock.instant().plus(ttl);
    return issue(new ClientClaims(subject, exp, null, null, null));
  }
}
