package dev.ordertracker.simulator.feed;

import dev.ordertracker.simulator.stream.EventSink;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * Pushes pre-shaped, valid executionReport frames to one connection as fast as it accepts them: writes until the
 * write queue is full, then waits for drain (never buffers beyond the socket's queue), yielding to the event loop
 * every {@value #BATCH} frames. The script is a sequence of synthetic LIMIT BUY orders of 1 unit at 100: NEW,
 * TRADE 0.5 (PARTIALLY_FILLED), TRADE 0.5 (FILLED), order ids from {@value #FIRST_ORDER_ID}, each frame with its
 * own execution id. Runs on the simulator context (measured: a separate worker context, which lets Vert.x batch
 * flushes, was slower on a loaded 2-core machine because of the extra thread hand-off).
 *
 * <p>Paced ({@code framesPerSecond > 0}): every 1 ms the frames due by then (frame k is due k / rate seconds after
 * the start) are written in one burst, so that latency can be measured below saturation. A full write queue holds
 * frames back until the next tick; they are then late, not lost.
 */
public final class ScriptedFeed {

  public static final long FIRST_ORDER_ID = 9_000_000_000L;
  private static final int BATCH = 2048;

  private final Context context;
  private final EventSink sink;
  private final int subscriptionId;
  private final String symbol;
  private final String commissionAsset;
  private final long count;
  private final long firstSequence;
  private final int framesPerSecond;
  private final long[] writeNanos;
  private long startNanos;
  private final Promise<Long> done = Promise.promise();
  private final StringBuilder sb = new StringBuilder(800);
  private long written;

  public ScriptedFeed(Context context, EventSink sink, int subscriptionId, String symbol, String commissionAsset,
      long count, long firstSequence, int framesPerSecond, long[] writeNanos) {
    if (framesPerSecond < 0) {
      throw new IllegalArgumentException("framesPerSecond must be >= 0: " + framesPerSecond);
    }
    this.framesPerSecond = framesPerSecond;
    this.writeNanos = writeNanos;
    this.commissionAsset = commissionAsset;
    this.context = context;
    this.sink = sink;
    this.subscriptionId = subscriptionId;
    this.symbol = symbol;
    this.count = count;
    this.firstSequence = firstSequence;
  }

  public Future<Long> start() {
    context.runOnContext(v -> {
      if (framesPerSecond == 0) {
        pump();
      } else {
        startNanos = System.nanoTime();
        context.owner().setPeriodic(1, this::paced);
      }
    });
    return done.future();
  }

  /**
   * One tick, on the simulator's context: writes every frame due by now. (Writing the tick's frames from a worker
   * thread would let Vert.x flush once per tick, but its outbound queue then reports full after a handful of
   * queued frames, which capped the push at ~15,000 frames/s; measured.)
   */
  private void paced(long timerId) {
    long due = Math.min(count, (System.nanoTime() - startNanos) * framesPerSecond / 1_000_000_000L);
    while (written < due && !sink.isClosed() && !sink.writeQueueFull()) {
      write();
    }
    if (written >= count || sink.isClosed()) {
      context.owner().cancelTimer(timerId);
      done.tryComplete(written);
    }
  }

  private void pump() {
    int batch = 0;
    while (written < count) {
      if (sink.isClosed()) {
        done.tryComplete(written);
        return;
      }
      if (sink.writeQueueFull()) {
        sink.onDrain(() -> context.runOnContext(v -> pump()));
        if (!sink.writeQueueFull()) {
          // drained between the check and the registration: the drain event may be gone, pump again
          context.runOnContext(v -> pump());
        }
        return;
      }
      write();
      if (++batch == BATCH) {
        context.runOnContext(v -> pump());
        return;
      }
    }
    done.tryComplete(written);
  }

  private void write() {
    String text = frame(firstSequence + written);
    if (writeNanos != null) {
      writeNanos[(int) written] = System.nanoTime();
    }
    sink.sendText(text);
    written++;
  }

  /** Frame {@code seq} of the script (three frames per synthetic order). */
  String frame(long seq) {
    long order = seq / 3;
    int phase = (int) (seq % 3);
    long orderId = FIRST_ORDER_ID + order;
    long now = System.currentTimeMillis();
    String x = phase == 0 ? "NEW" : "TRADE";
    String status = phase == 0 ? "NEW" : phase == 1 ? "PARTIALLY_FILLED" : "FILLED";
    String last = phase == 0 ? "0.00000000" : "0.50000000";
    String cum = phase == 0 ? "0.00000000" : phase == 1 ? "0.50000000" : "1.00000000";
    String lastPrice = phase == 0 ? "0.00000000" : "100.00000000";
    String cumQuote = phase == 0 ? "0.00000000" : phase == 1 ? "50.00000000" : "100.00000000";
    String lastQuote = phase == 0 ? "0.00000000" : "50.00000000";
    sb.setLength(0);
    sb.append("{\"subscriptionId\":").append(subscriptionId)
        .append(",\"event\":{\"e\":\"executionReport\",\"E\":").append(now)
        .append(",\"s\":\"").append(symbol).append("\",\"c\":\"feed").append(orderId)
        .append("\",\"S\":\"BUY\",\"o\":\"LIMIT\",\"f\":\"GTC\",\"q\":\"1.00000000\",\"p\":\"100.00000000\"")
        .append(",\"P\":\"0.00000000\",\"F\":\"0.00000000\",\"g\":-1,\"C\":\"\",\"x\":\"").append(x)
        .append("\",\"X\":\"").append(status).append("\",\"r\":\"NONE\",\"i\":").append(orderId)
        .append(",\"l\":\"").append(last).append("\",\"z\":\"").append(cum).append("\",\"L\":\"").append(lastPrice)
        .append("\",\"n\":\"").append(phase == 0 ? "0" : "0.00050000").append("\",\"N\":")
        .append(phase == 0 ? "null" : "\"" + commissionAsset + "\"")
        .append(",\"T\":").append(now).append(",\"t\":").append(phase == 0 ? -1 : orderId * 2 + phase)
        .append(",\"v\":0,\"I\":").append(FIRST_ORDER_ID * 3 + seq)
        .append(",\"w\":").append(phase != 2).append(",\"m\":").append(phase != 0).append(",\"M\":").append(phase != 0)
        .append(",\"O\":").append(now).append(",\"Z\":\"").append(cumQuote).append("\",\"Y\":\"").append(lastQuote)
        .append("\",\"Q\":\"0.00000000\",\"W\":").append(now).append(",\"V\":\"NONE\"}}");
    return sb.toString();
  }
}
