package dev.ordertracker.examples.cluster;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.shareddata.Lock;


/**
 * Decides, when a node starts, whether it deploys a singleton (tracker, adapter) or stays standby.
 *
 * <p>Under the clustered lock {@code orders.cluster.placement.<role>} (so two nodes starting together do not both
 * deploy) it pings the singleton's address: an answer means one is active somewhere, and this node stays standby
 * (Vert.x HA will move the active one here if its node dies); so does silence. No handler means none is active:
 * this node deploys it with {@code ha=true}.
 *
 * <p>The lock only serialises placement; the tracker's own fence (a term counter checked on every replicated
 * write, in {@code dev.ordertracker.core.cluster}) is what keeps a second tracker from publishing if HA and a
 * placement ever race.
 */
public final class SingletonPlacement {
  private static final System.Logger LOG = System.getLogger(SingletonPlacement.class.getName());
  static final long LOCK_TIMEOUT_MS = 20_000;
  static final long PING_TIMEOUT_MS = 3_000;

  private SingletonPlacement() {
  }

  /** Completes with true when this node deployed the singleton, false when one was already active. */
  public static Future<Boolean> place(Vertx vertx, String role, JsonArray children) {
    return vertx.sharedData().getLockWithTimeout("orders.cluster.placement." + role, LOCK_TIMEOUT_MS)
        .compose(lock -> activeSomewhere(vertx, role, 1, PING_TIMEOUT_MS, true)
            .compose(active -> {
              if (active) {
                LOG.log(System.Logger.Level.INFO, () -> "singleton " + role + " is active on another node: standby");
                System.out.println("SINGLETON-STANDBY " + role);
                return Future.succeededFuture(false);
              }
              return vertx.deployVerticle(SingletonVerticle.class.getName(), new DeploymentOptions().setHa(true)
                      .setConfig(SingletonVerticle.config(role, children)))
                  .map(id -> true);
            })
            .andThen(done -> release(lock)));
  }

  /**
   * True when a singleton answers on its address within {@code attempts} pings; no handler means none is active.
   * When the last attempt times out, {@code silenceMeansActive} decides: true at placement (a new node's first
   * connection can be slow; HA moves the singleton here if its node is really gone), false for an HA redeployment
   * (the address may still name the node that just died: it cannot answer).
   */
  static Future<Boolean> activeSomewhere(Vertx vertx, String role, int attempts, long timeoutMs,
                                         boolean silenceMeansActive) {
    return vertx.eventBus().request(SingletonVerticle.address(role), null,
            new DeliveryOptions().setSendTimeout(timeoutMs))
        .map(reply -> true)
        .recover(failure -> {
          boolean noHandlers = failure instanceof ReplyException
              && ((ReplyException) failure).failureType() == ReplyFailure.NO_HANDLERS;
          if (noHandlers) {
            return Future.succeededFuture(false);
          }
          if (attempts <= 1) {
            LOG.log(System.Logger.Level.WARNING,
                () -> "singleton " + role + " does not answer (" + failure.getMessage() + "): assuming "
                + (silenceMeansActive ? "active" : "not active"));
            return Future.succeededFuture(silenceMeansActive);
          }
          return activeSomewhere(vertx, role, attempts - 1, timeoutMs, silenceMeansActive);
        });
  }

  private static void release(Lock lock) {
    lock.release();
  }
}
