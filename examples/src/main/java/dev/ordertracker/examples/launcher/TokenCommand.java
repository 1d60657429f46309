package dev.ordertracker.examples.launcher;

import dev.ordertracker.bridge.security.ClientClaims;
import dev.ordertracker.bridge.security.JwtSettings;
import dev.ordertracker.bridge.security.TokenAuthenticator;
import dev.ordertracker.examples.config.ConfigLoader;
import io.vertx.core.Vertx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code order-tracker token}: mints a bridge token with the key the bridge is configured with ({@code bridge.jwt} of
 * {@code --config FILE}, overridden by {@code BRIDGE_JWT_SECRET}, or {@code BRIDGE_JWT_ALGORITHM} with
 * {@code BRIDGE_JWT_PRIVATE_KEY_PEM}; audience and issuer from {@code BRIDGE_JWT_AUDIENCE} / {@code BRIDGE_JWT_ISSUER}),
 * for a subject and optional restrictions.
 * Prints the token only. It never invents a key: without one it fails naming the variable.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
    description = "Mints a bridge token (JWT) from the configured key: sub, exp, and optional accounts/symbols/roles.")
final class TokenCommand implements Callable<Integer> {
  @Option(names = "--sub", required = true, description = "subject: who the token is for")
  String subject;

  @Option(names = "--ttl", defaultValue = "PT12H", description = "validity, ISO-8601 (default: ${DEFAULT-VALUE})")
  Duration ttl;

  @Option(names = "--accounts", split = ",", description = "only these accounts' orders and events")
  Set<String> accounts;

  @Option(names = "--symbols", split = ",", description = "only these symbols' orders and events")
  Set<String> symbols;

  @Option(names = "--roles", split = ",", description = "roles, e.g. the bridge's mutation_role")
  Set<String> roles;

  @Option(names = "--config", paramLabel = "FILE", description = "configuration file with the bridge's jwt key")
  Path config;

  /** The environment the key comes from (the process's; tests pass theirs). */
  Map<String, String> env = System.getenv();
  PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("--ttl must be positive: " + ttl);
    }
    JwtSettings jwt = ConfigLoader.loadNow(config, env, Map.of()).bridgeOptions().getJwt();
    if (jwt.symmetric() && jwt.secret() == null) {
      throw new IllegalArgumentException("no key to sign with: set bridge.jwt.secret in --config FILE or "
          + "BRIDGE_JWT_SECRET (or BRIDGE_JWT_ALGORITHM and BRIDGE_JWT_PRIVATE_KEY_PEM) to the bridge's");
    }
    Vertx vertx = Vertx.vertx();
    try {
      Clock clock = Clock.systemUTC();
      TokenAuthenticator authenticator = TokenAuthenticator.create(vertx, jwt, clock);
      if (!authenticator.canIssue()) {
        throw new IllegalArgumentException("the configured key cannot sign: set BRIDGE_JWT_PRIVATE_KEY_PEM");
      }
      out.println(authenticator.issue(new ClientClaims(subject, clock.instant().plus(ttl), accounts, symbols, roles)));
      return 0;
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }
}
