package dev.ordertracker.examples.cluster;

import dev.ordertracker.core.cluster.ReplicatedTrackerVerticle;
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

/**
 * Runs one verticle group (the tracker, with the adapter that feeds it) once per cluster. {@link ClusterNode}
 * deploys it by name with {@code DeploymentOptions.setHa(true)}, so when its node dies Vert.x HA redeploys it, with
 * the same config, on a surviving node of the HA group; it then deploys its children again, in order.
 *
 * <p>While active it answers pings on {@code orders.cluster.singleton.<role>} for its own role and its children's:
 * a node that starts later asks those addresses before deploying its own copy (see {@link SingletonPlacement}).
 *
 * <p>Dormant start: Vert.x HA also redeploys a node's HA verticles when the node regains its quorum (after a
 * partition healed). If another copy answers the ping then, this one stays dormant (no children; it only logs
 * {@code SINGLETON-DORMANT}), so a rejoining node does not start a second tracker or a second adapter connection.
 * Only a real answer counts as "active": a dead node's stale registration cannot answer, so after a kill the
 * redeployed copy starts its children after at most {@link #PING_ATTEMPTS} short ping timeouts
 * ({@link #PING_TIMEOUT_MS}); usually at once, because the dead node's registrations are gone (no handlers). Several
 * attempts, because right after a partition heals the first request to the other side opens a new connection, and
 * on a loaded machine one short timeout took a live singleton for a dead one (the copy then started and was fenced).
 *
 * <p>Stand-down: when its tracker is fenced (another tracker claimed the replicated state), it undeploys itself
 * with its children, adapter included.
 *
 * <p>Config: {@code role} and {@code children}: {@code [{role, verticle, config}]}.
 */
public final class SingletonVerticle extends VerticleBase {
  static final int PING_ATTEMPTS = 3;
  static final long PING_TIMEOUT_MS = 400;
  private static final System.Logger LOG = System.getLogger(SingletonVerticle.class.getName());

  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private final Set<String> childIds = new LinkedHashSet<>();

  /** The address a singleton answers pings on. */
  public static String address(String role) {
    return "orders.cluster.singleton." + role;
  }

  /** The config of a singleton running {@code children}: {@code [{role, verticle, config}]}, deployed in order. */
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
    return SingletonPlacement.activeSomewhere(vertx, role, PING_ATTEMPTS, PING_TIMEOUT_MS, false).compose(active -> {
      if (active) {
        LOG.log(System.Logger.Level.WARNING,
            () -> "singleton " + role + " redeployed here but active elsewhere: dormant");
        System.out.println("SINGLETON-DORMANT " + role);
        return Future.succeededFuture();
      }
      return activate(role, children, started);
    });
  }

  private Future<?> activate(String role, JsonArray children, long started) {
    consumers.add(vertx.eventBus().<String>localConsumer(ReplicatedTrackerVerticle.STEPPED_DOWN_ADDRESS, msg -> {
      if (childIds.contains(msg.body())) {
        LOG.log(System.Logger.Level.WARNING,
            () -> "singleton " + role + ": its tracker was fenced; standing down with all its verticles");
        System.out.println("SINGLETON-STOOD-DOWN " + role + " " + deploymentID());
        vertx.undeploy(deploymentID());
      }
    }));
    Future<?> chain = Future.succeededFuture();
    for (int i = 0; i < children.size(); i++) {
      JsonObject child = children.getJsonObject(i);
      String verticle = Objects.requireNonNull(child.getString("verticle"), "children[].verticle");
      JsonObject childConfig = child.getJsonObject("config", new JsonObject());
      chain = chain.compose(v -> vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(childConfig))
          .onSuccess(childIds::add));
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
            consumers.add(ping);
            registered.add(ping.completion());
          }
          return Future.all(registered);
        })
        .onSuccess(v -> {
          LOG.log(System.Logger.Level.INFO,
              () -> "singleton " + role + " active (" + children.size() + " verticle(s)) in "
              + (System.nanoTime() - started) / 1_000_000 + " ms");
          // A line the process tests and operators can grep for; the deployment id pairs it with a stand-down.
          System.out.println("SINGLETON-ACTIVE " + role + " " + deploymentID());
        });
  }
}
