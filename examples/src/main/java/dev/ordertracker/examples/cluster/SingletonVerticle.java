package dev.ordertracker.examples.cluster;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.Objects;
import java.util.logging.Logger;

/**
 * Runs one verticle (the tracker, the adapter) once per cluster. {@link ClusterNode} deploys it by name with
 * {@code DeploymentOptions.setHa(true)}, so when its node dies Vert.x HA redeploys it, with the same config, on a
 * surviving node of the HA group; it then deploys its child again.
 *
 * <p>While active it answers pings on {@code orders.cluster.singleton.<role>}: a node that starts later asks that
 * address before deploying its own copy (see {@link SingletonPlacement}).
 *
 * <p>Config: {@code role} (the singleton's name), {@code verticle} (the child's class name), {@code config} (the
 * child's config).
 */
public final class SingletonVerticle extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(SingletonVerticle.class.getName());

  private MessageConsumer<Object> pings;

  /** The address a singleton answers pings on. */
  public static String address(String role) {
    return "orders.cluster.singleton." + role;
  }

  /** The config of a singleton running {@code verticle} with {@code childConfig}. */
  public static JsonObject config(String role, String verticle, JsonObject childConfig) {
    return new JsonObject().put("role", role).put("verticle", verticle).put("config", childConfig);
  }

  @Override
  public Future<?> start() {
    JsonObject config = config();
    String role = Objects.requireNonNull(config.getString("role"), "role");
    String verticle = Objects.requireNonNull(config.getString("verticle"), "verticle");
    JsonObject childConfig = config.getJsonObject("config", new JsonObject());
    long started = System.nanoTime();
    return vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(childConfig))
        .compose(id -> {
          pings = vertx.eventBus().consumer(address(role), msg -> msg.reply(new JsonObject().put("role", role)));
          return pings.completion();
        })
        .onSuccess(v -> {
          LOG.info(() -> "singleton " + role + " active (" + verticle + ") in "
              + (System.nanoTime() - started) / 1_000_000 + " ms");
          // A line the process tests and operators can grep for.
          System.out.println("SINGLETON-ACTIVE " + role);
        });
  }
}
