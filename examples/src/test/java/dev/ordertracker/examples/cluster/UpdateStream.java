package dev.ordertracker.examples.cluster;

import dev.ordertracker.api.Fields;
import dev.ordertracker.api.Fill;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.UpdateResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An exchange-like stream of reports for the failover tests, sent to the tracker service one at a time the way an
 * adapter would: each order is PLACED, filled in {@link #FILLS_PER_ORDER} partial trades, then FILLED. A report
 * that gets no answer (the tracker's node died; no handler until the takeover) is sent again until acknowledged,
 * so the truth is known: every report of the list, acknowledged exactly once by some tracker.
 */
final class UpdateStream {
  static final int FILLS_PER_ORDER = 3;
  static final BigDecimal QTY = new BigDecimal("1.00");
  static final BigDecimal PRICE = new BigDecimal("100.25");

  private final Vertx vertx;
  private final OrderTracker tracker;
  private final List<OrderUpdate> reports = new ArrayList<>();
  private final AtomicInteger acknowledged = new AtomicInteger();
  private final AtomicInteger retries = new AtomicInteger();
  private final long pauseMs;
  private volatile long firstRetriedSequence = -1;

  UpdateStream(Vertx vertx, OrderTracker tracker, int orders, long pauseMs) {
    this(vertx, tracker, orders, pauseMs, "");
  }

  /** {@code idPrefix} keeps the order ids of several streams on one tracker apart. */
  UpdateStream(Vertx vertx, OrderTracker tracker, int orders, long pauseMs, String idPrefix) {
    this.vertx = vertx;
    this.tracker = tracker;
    this.pauseMs = pauseMs;
    long tradeId = 1;
    for (int o = 1; o <= orders; o++) {
      String id = idPrefix + o;
      reports.add(report(id, OrderStatus.PLACED, BigDecimal.ZERO, null, "x" + id + "-new"));
      for (int f = 1; f <= FILLS_PER_ORDER + 1; f++) {
        BigDecimal cumulative = QTY.multiply(BigDecimal.valueOf(f)).divide(BigDecimal.valueOf(FILLS_PER_ORDER + 1));
        OrderStatus status = f <= FILLS_PER_ORDER ? OrderStatus.PARTIALLY_FILLED : OrderStatus.FILLED;
        BigDecimal slice = QTY.divide(BigDecimal.valueOf(FILLS_PER_ORDER + 1));
        Fill fill = new Fill(new JsonObject().put(Fields.TRADE_ID, tradeId).put(Fields.QUANTITY, slice.toPlainString())
            .put(Fields.PRICE, PRICE.toPlainString()).put(Fields.QUOTE_QUANTITY, slice.multiply(PRICE).toPlainString()));
        reports.add(report(id, status, cumulative, fill, "x" + id + "-t" + tradeId));
        tradeId++;
      }
    }
  }

  private static OrderUpdate report(String id, OrderStatus status, BigDecimal cumulative, Fill fill, String exec) {
    return OrderUpdate.builder("BTCUSDT", id, status)
        .cumulative(cumulative, cumulative.multiply(PRICE))
        .lastFill(fill)
        .executionId(exec)
        .clientOrderId("c" + id)
        .account("main")
        .order(OrderType.LIMIT, OrderSide.BUY, QTY, PRICE)
        .build();
  }

  List<OrderUpdate> reports() {
    return reports;
  }

  int acknowledged() {
    return acknowledged.get();
  }

  /** The event sequence of the first report acknowledged after having been retried (a new tracker's), or -1. */
  long firstRetriedSequence() {
    return firstRetriedSequence;
  }

  int retries() {
    return retries.get();
  }

  /** Sends every report in order, each until acknowledged; completes with the answers. */
  Future<List<UpdateResult>> run() {
    Promise<List<UpdateResult>> done = Promise.promise();
    List<UpdateResult> answers = new ArrayList<>();
    vertx.runOnContext(v -> send(0, false, answers, done));
    return done.future();
  }

  private void send(int index, boolean retried, List<UpdateResult> answers, Promise<List<UpdateResult>> done) {
    if (index == reports.size()) {
      done.complete(answers);
      return;
    }
    tracker.applyUpdate(reports.get(index)).onComplete(result -> {
      if (result.succeeded()) {
        answers.add(result.result());
        acknowledged.incrementAndGet();
        if (retried && firstRetriedSequence < 0 && result.result().sequence() > 0) {
          firstRetriedSequence = result.result().sequence();
        }
        vertx.setTimer(pauseMs, t -> send(index + 1, retried || firstRetriedSequence > 0, answers, done));
      } else {
        retries.incrementAndGet();
        vertx.setTimer(20, t -> send(index, true, answers, done));
      }
    });
  }
}
