package dev.ordertracker.examples.cluster;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.shareddata.Lock;

import java.util.logging.Logger;

/**
 * Decides, when a node starts, whether it deploys a singleton (tracker, adapter) or stays standby.
 *
 * <p>Under the clustered lock {@code orders.cluster.placement.<role>} (so two nodes starting together do not both
 * deploy) it pings the singleton's address: an answer means one is active somewhere, and this node stays standby
 * (Vert.x HA will move the active one here if its node dies). No handler, or no answer, means none is active: this
 * node deploys it with {@code ha=true}.
 *
 * <p>The lock only serialises placement; the tracker's own fence (a term counter checked on every replicated
 * write, in {@code dev.ordertracker.core.cluster}) is what keeps a second tracker from publishing if HA and a
 * placement ever race.
 */
public final class SingletonPlacement {
  private static final Logger LOG = Logger.getLogger(SingletonPlacement.class.getName());
  static final long LOCK_TIMEOUT_MS = 20_000;
  static final long PING_TIMEOUT_MS = 1_000;

  private SingletonPlacement() {
  }

  /** Completes with true when this node deployed the singleton, false when one was already active. */
  public static Future<Boolean> place(Vertx vertx, String role, JsonArray children) {
    return vertx.sharedData().getLockWithTimeout("orders.cluster.placement." + role, LOCK_TIMEOUT_MS)
        .compose(lock -> activeSomewhere(vertx, role, 1, PING_TIMEOUT_MS)
            .compose(active -> {
              if (active) {
                LOG.info(() -> "singleton " + role + " is active on another node: standby");
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
   * True when a singleton answers on its address within {@code attempts} pings; no handler (or no answer after the
   * last attempt) means none is active. A timeout is retried: the address may still name a node that just died.
   */
  static Future<Boolean> activeSomewhere(Vertx vertx, String role, int attempts, long timeoutMs) {
    return vertx.eventBus().request(SingletonVerticle.address(role), null,
            new DeliveryOptions().setSendTimeout(timeoutMs))
        .map(reply -> true)
        .recover(failure -> {
          boolean noHandlers = failure instanceof ReplyException
              && ((ReplyException) failure).failureType() == ReplyFailure.NO_HANDLERS;
          if (noHandlers || attempts <= 1) {
            if (!noHandlers) {
              LOG.warning(() -> "singleton " + role + " does not answer (" + failure.getMessage() + "): not active");
            }
            return Future.succeededFuture(false);
          }
          return activeSomewhere(vertx, role, attempts - 1, timeoutMs);
        });
  }

  private static void release(Lock lock) {
    lock.release();
  }
}
