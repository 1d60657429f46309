package dev.ordertracker.simulator.faults;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;

import java.util.function.Supplier;

/**
 * Fault injection, callable from any thread (tests, the admin endpoint): every operation runs on the simulator's
 * context and the returned future completes once the fault is armed (or done).
 */
public final class FaultInjector {

  private final Context context;
  private final FaultState state;
  private final FaultTarget target;

  public FaultInjector(Context context, FaultState state, FaultTarget target) {
    this.context = context;
    this.state = state;
    this.target = target;
  }

  /** Closes every WebSocket API connection now. */
  public Future<Void> dropConnectionsNow() {
    return run(target::dropAllConnections);
  }

  /** Closes every connection after {@code n} more user data events have been delivered. */
  public Future<Void> dropAfterEvents(int n) {
    return run(() -> state.dropAfterEvents(positive(n)));
  }

  /** Sends {@code {"event":{"e":"serverShutdown","E":..}}} on every connection. */
  public Future<Void> sendServerShutdown() {
    return run(target::broadcastServerShutdown);
  }

  /** Sends {@code eventStreamTerminated} to the account's subscriptions and ends them. */
  public Future<Void> sendEventStreamTerminated(String account) {
    return call(() -> {
      if (!target.terminateStreams(account)) {
        throw new IllegalArgumentException("unknown account " + account);
      }
      return null;
    });
  }

  /**
   * Delivers {@code event} (the inner event object, e.g. an executionReport with a value Binance may add tomorrow)
   * to the account's subscriptions as if the exchange had sent it; the engine's state is not changed.
   */
  public Future<Void> injectEvent(String account, JsonObject event) {
    if (event == null || !(event.getValue("e") instanceof String)) {
      return Future.failedFuture(new IllegalArgumentException("event must be a JSON object with a string \"e\""));
    }
    JsonObject copy = event.copy();
    return call(() -> {
      if (!target.injectEvent(account, copy)) {
        throw new IllegalArgumentException("unknown account " + account);
      }
      return null;
    });
  }

  /** Delivers each of the next {@code n} events twice. */
  public Future<Void> duplicateNext(int n) {
    return run(() -> state.duplicateNext(positive(n)));
  }

  /** Holds the next {@code n} events and delivers them in reverse order (flushed after 200 ms at the latest). */
  public Future<Void> reorderNext(int n) {
    return run(() -> state.reorderNext(positive(n)));
  }

  /** Stops delivering events; orders keep filling and events produced meanwhile are lost (no replay). */
  public Future<Void> pauseDelivery() {
    return run(() -> state.paused(true));
  }

  public Future<Void> resumeDelivery() {
    return run(() -> state.paused(false));
  }

  /** Answers the next {@code n} order requests with a 5xx or -1007 error while still executing them. */
  public Future<Void> failNextRequests(int n, FailureKind kind) {
    return run(() -> state.failNext(positive(n), kind));
  }

  /**
   * Loses the next {@code n} executionReport events while the connection stays up (other events are delivered): a
   * report lost on a healthy connection.
   */
  public Future<Void> dropNextReports(int n) {
    return run(() -> state.dropNextReports(positive(n)));
  }

  /**
   * The next {@code n} answers of the query method {@code method} (WebSocket API name: {@code order.status},
   * {@code openOrders.status}, {@code myTrades}, {@code allOrders}; the REST equivalents count too) fail with
   * {@code kind} without running; 429/418 carry a retry time {@code retryAfterMs} ahead.
   */
  public Future<Void> failQueries(String method, int n, FailureKind kind, long retryAfterMs) {
    if (method == null || method.isBlank()) {
      return Future.failedFuture(new IllegalArgumentException("method is required"));
    }
    return run(() -> state.failQueries(method, positive(n), new QueryFailure(kind, Math.max(0, retryAfterMs))));
  }

  /** Every distinct query (method and parameters) fails its first {@code n} answers with {@code kind}. */
  public Future<Void> failEachQuery(int n, FailureKind kind, long retryAfterMs) {
    return run(() -> state.failEachQuery(positive(n), new QueryFailure(kind, Math.max(0, retryAfterMs))));
  }

  /** Every query answer fails with probability {@code percent} % (seeded: the same run fails the same answers). */
  public Future<Void> failQueriesAtRandom(int percent, FailureKind kind, long retryAfterMs) {
    if (percent < 0 || percent > 100) {
      return Future.failedFuture(new IllegalArgumentException("percent must be in 0..100: " + percent));
    }
    return run(() -> state.failQueriesAtRandom(percent, new QueryFailure(kind, Math.max(0, retryAfterMs))));
  }

  /**
   * The next order placement answers {@code kind} (a 5xx, -1006 or -1007: execution status unknown) and is executed
   * {@code executeAfterMs} later, or never when negative.
   */
  public Future<Void> failNextPlacement(FailureKind kind, long executeAfterMs) {
    if (kind == null || kind.rateLimited()) {
      return Future.failedFuture(new IllegalArgumentException("kind must be an unknown-outcome failure: " + kind));
    }
    return run(() -> state.latePlacement(new LatePlacement(kind, executeAfterMs)));
  }

  /**
   * Places an order for {@code account} "from elsewhere" (another bot, the web UI): through the engine, not through
   * any session; its events go to the account's subscriptions like any other (none while disconnected). Parameters
   * as for {@code order.place} ({@code symbol, side, type, quantity, price, timeInForce...}). Completes with the
   * placement answer (FULL).
   */
  public Future<JsonObject> placeElsewhere(String account, JsonObject params) {
    JsonObject copy = params == null ? new JsonObject() : params.copy();
    return call(() -> target.placeElsewhere(account, copy));
  }

  /** Rejects new WebSocket connections (HTTP 503 on the handshake) for {@code ms} milliseconds. */
  public Future<Void> refuseConnectionsFor(long ms) {
    return run(() -> state.refuseUntil(System.currentTimeMillis() + ms));
  }

  /** The next {@code n} signed WebSocket API requests are refused with -1021 (timestamp ahead) without running. */
  public Future<Void> rejectClockNext(int n) {
    return run(() -> state.rejectClockNext(positive(n)));
  }

  /** Disarms every fault. */
  public Future<Void> reset() {
    return run(state::reset);
  }

  public Future<JsonObject> status() {
    return call(() -> state.toJson(System.currentTimeMillis()));
  }

  private static int positive(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("count must be > 0: " + n);
    }
    return n;
  }

  private Future<Void> run(Runnable action) {
    return call(() -> {
      action.run();
      return null;
    });
  }

  private <T> Future<T> call(Supplier<T> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> {
      try {
        promise.complete(action.get());
      } catch (RuntimeException e) {
        promise.tryFail(e);
      }
    });
    return promise.future();
  }
}
