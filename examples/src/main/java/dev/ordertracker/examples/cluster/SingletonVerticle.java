package dev.ordertracker.examples.cluster;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Runs one verticle (the tracker, the adapter) once per cluster. {@link ClusterNode} deploys it by name with
 * {@code DeploymentOptions.setHa(true)}, so when its node dies Vert.x HA redeploys it, with the same config, on a
 * surviving node of the HA group; it then deploys its child again.
 *
 * <p>While active it answers pings on {@code orders.cluster.singleton.<role>}: a node that starts later asks that
 * address before deploying its own copy (see {@link SingletonPlacement}).
 *
 * <p>Config: {@code role} (the singleton's name) and {@code children}: {@code [{verticle, config}]}, deployed in
 * that order (the tracker before the adapter that feeds it, so both move together and the adapter's reconciliation
 * after its reconnect meets a tracker that is already serving).
 */
public final class SingletonVerticle extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(SingletonVerticle.class.getName());

  private final List<MessageConsumer<Object>> pings = new ArrayList<>();

  /** The address a singleton answers pings on. */
  public static String address(String role) {
    return "orders.cluster.singleton." + role;
  }

  /** The config of a singleton running {@code children}: {@code [{verticle, config}]}, deployed in order. */
  public static JsonObject config(String role, JsonArray children) {
    return new JsonObject().put("role", role).put("children", children);
  }

  /** One child entry of {@link #config}; the singleton also answers pings for the child's {@code role}. */
  public static JsonObject child(String role, String verticle, JsonObject config) {
    return new JsonObject().put("role", role).put("verticle", verticle).put("config", config);
  }

  @Override
  public Future<?> start() {
    JsonObject config = config();
    String role = Objects.requireNonNull(config.getString("role"), "role");
    JsonArray children = Objects.requireNonNull(config.getJsonArray("children"), "children");
    long started = System.nanoTime();
    Future<?> chain = Future.succeededFuture();
    for (int i = 0; i < children.size(); i++) {
      JsonObject child = children.getJsonObject(i);
      String verticle = Objects.requireNonNull(child.getString("verticle"), "children[].verticle");
      JsonObject childConfig = child.getJsonObject("config", new JsonObject());
      chain = chain.compose(v -> vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(childConfig)));
    }
    return chain
        .compose(id -> {
          Set<String> answered = new LinkedHashSet<>();
          answered.add(role);
          children.forEach(c -> answered.add(((JsonObject) c).getString("role", role)));
          List<Future<Void>> registered = new ArrayList<>();
          for (String name : answered) {
            MessageConsumer<Object> ping = vertx.eventBus().consumer(address(name),
                msg -> msg.reply(new JsonObject().put("role", name)));
            pings.add(ping);
            registered.add(ping.completion());
          }
          return Future.all(registered);
        })
        .onSuccess(v -> {
          LOG.info(() -> "singleton " + role + " active (" + children.size() + " verticle(s)) in "
              + (System.nanoTime() - started) / 1_000_000 + " ms");
          // A line the process tests and operators can grep for.
          System.out.println("SINGLETON-ACTIVE " + role);
        });
  }
}
