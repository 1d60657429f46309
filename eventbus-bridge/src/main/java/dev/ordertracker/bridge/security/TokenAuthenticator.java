package dev.ordertracker.bridge.security;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Verifies bridge tokens with vertx-auth-jwt and turns them into {@link ClientClaims}. The registered claims are
 * checked here, after the signature (the provider is told to ignore them, so that each refusal gets its code):
 * {@code exp} required and numeric (auth_expired once past: a correctly signed but expired token gets its own
 * code, a badly signed one never does); {@code nbf} and {@code iat}, when present, numeric and not in the future
 * beyond the leeway; {@code aud}, when present, a string or an array of strings naming the bridge's audience
 * (RFC 7519 section 4.1.3); {@code iss} equal to the required issuer when one is configured. Any other problem is
 * auth_invalid, never an exception. Build it with {@link #create} off the event loop: key parsing is CPU work.
 */
public final class TokenAuthenticator {
  private static final int MAX_TOKEN_CHARS = 8192;
  private static final String NBF = "nbf";
  private static final String IAT = "iat";
  private static final String AUD = "aud";
  private static final String ISS = "iss";

  private final JWTAuth provider;
  private final JwtSettings settings;
  private final boolean canIssue;
  private final Clock clock;

  private TokenAuthenticator(JWTAuth provider, JwtSettings settings, boolean canIssue, Clock clock) {
    this.provider = provider;
    this.settings = settings;
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
      KeySizes.check(settings.algorithm(), settings.publicKeyPem());
      options.addPubSecKey(new PubSecKeyOptions().setAlgorithm(settings.algorithm())
          .setBuffer(settings.publicKeyPem()));
      canIssue = settings.privateKeyPem() != null;
      if (canIssue) {
        options.addPubSecKey(new PubSecKeyOptions().setAlgorithm(settings.algorithm())
            .setBuffer(settings.privateKeyPem()));
      }
    }
    return new TokenAuthenticator(JWTAuth.create(vertx, options), settings, canIssue, clock);
  }

  /** Fails with a {@link BridgeRefusal}: auth_required (blank), auth_invalid or auth_expired. */
  public Future<ClientClaims> authenticate(String token) {
    if (token == null || token.isBlank()) {
      return Future.failedFuture(new BridgeRefusal(BridgeErrorCode.AUTH_REQUIRED, null));
    }
    if (token.length() > MAX_TOKEN_CHARS) {
      return Future.failedFuture(new BridgeRefusal(BridgeErrorCode.AUTH_INVALID, "token too long"));
    }
    Future<User> verified;
    try {
      verified = provider.authenticate(new TokenCredentials(token));
    } catch (RuntimeException e) {
      // a payload the provider chokes on (e.g. a claim of an unexpected type) is a bad token, not a crash
      verified = Future.failedFuture(e);
    }
    return verified
        .recover(err -> Future.failedFuture(new BridgeRefusal(BridgeErrorCode.AUTH_INVALID, "not verified")))
        .compose(this::claimsOf);
  }

  private Future<ClientClaims> claimsOf(User user) {
    JsonObject payload = user.attributes().getJsonObject("accessToken");
    if (payload == null) {
      return Future.failedFuture(new BridgeRefusal(BridgeErrorCode.AUTH_INVALID, "no payload"));
    }
    try {
      ClientClaims claims = ClientClaims.fromPayload(payload);
      checkRegisteredClaims(payload);
      if (claims.isExpired(clock.instant())) {
        return Future.failedFuture(new BridgeRefusal(BridgeErrorCode.AUTH_EXPIRED, "expired at "
            + claims.expiresAt()));
      }
      return Future.succeededFuture(claims);
    } catch (BridgeRefusal refusal) {
      return Future.failedFuture(refusal);
    } catch (RuntimeException e) {
      return Future.failedFuture(new BridgeRefusal(BridgeErrorCode.AUTH_INVALID, "unreadable claims"));
    }
  }

  private void checkRegisteredClaims(JsonObject payload) {
    long latest = clock.instant().getEpochSecond() + settings.leewaySeconds();
    for (String key : new String[] {NBF, IAT}) {
      Object value = payload.getValue(key);
      if (value == null) {
        continue;
      }
      if (!(value instanceof Number)) {
        throw new BridgeRefusal(BridgeErrorCode.AUTH_INVALID, key + " claim must be a number");
      }
      if (((Number) value).longValue() > latest) {
        throw new BridgeRefusal(BridgeErrorCode.AUTH_INVALID, key + " claim in the future");
      }
    }
    Object aud = payload.getValue(AUD);
    if (aud != null && !namesAudience(aud)) {
      throw new BridgeRefusal(BridgeErrorCode.AUTH_INVALID, "aud claim does not name this bridge");
    }
    if (settings.issuer() != null && !settings.issuer().equals(payload.getValue(ISS))) {
      throw new BridgeRefusal(BridgeErrorCode.AUTH_INVALID, "iss claim is not the required issuer");
    }
  }

  private boolean namesAudience(Object aud) {
    if (aud instanceof String) {
      return settings.audience().equals(aud);
    }
    if (aud instanceof JsonArray) {
      for (Object item : (JsonArray) aud) {
        if (!(item instanceof String)) {
          return false;
        }
      }
      return ((JsonArray) aud).contains(settings.audience());
    }
    return false;
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
    JsonObject payload = claims.toPayload().put(AUD, settings.audience());
    if (settings.issuer() != null) {
      payload.put(ISS, settings.issuer());
    }
    return provider.generateToken(payload, new JWTOptions().setAlgorithm(settings.algorithm()).setNoTimestamp(true));
  }

  /** A token for {@code subject} without restrictions, valid for {@code ttl}. */
  public String issue(String subject, Duration ttl) {
    Instant exp = clock.instant().plus(ttl);
    return issue(new ClientClaims(subject, exp, null, null, null));
  }
}
