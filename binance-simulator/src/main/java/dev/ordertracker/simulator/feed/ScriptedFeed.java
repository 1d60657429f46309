package dev.ordertracker.simulator.feed;

import dev.ordertracker.simulator.stream.EventSink;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
  /** Frames a simulator can script in its life: order ids stay at 10 digits (three frames per order). */
  public static final long MAX_SEQUENCE = 3_000_000_000L;
  private static final int BATCH = 2048;

  private final Context context;
  private final EventSink sink;
  private final long count;
  private final long firstSequence;
  private final int framesPerSecond;
  private final long[] writeNanos;
  private long startNanos;
  private final Promise<Long> done = Promise.promise();
  private final Script script;
  private final byte[] scratch;
  private long written;

  public ScriptedFeed(Context context, EventSink sink, int subscriptionId, String symbol, String commissionAsset,
      long count, long firstSequence, int framesPerSecond, long[] writeNanos) {
    if (framesPerSecond < 0) {
      throw new IllegalArgumentException("framesPerSecond must be >= 0: " + framesPerSecond);
    }
    if (count < 0 || firstSequence < 0 || firstSequence + count > MAX_SEQUENCE) {
      // the frames' ids are fixed-width digit runs (see Script): beyond this they would silently overflow
      throw new IllegalArgumentException("scripted frames " + firstSequence + " + " + count + " exceed "
          + MAX_SEQUENCE + " per simulator");
    }
    this.framesPerSecond = framesPerSecond;
    this.writeNanos = writeNanos;
    this.context = context;
    this.sink = sink;
    this.count = count;
    this.firstSequence = firstSequence;
    this.script = new Script(subscriptionId, symbol, commissionAsset);
    this.scratch = new byte[script.maxLength()];
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
    long seq = firstSequence + written;
    int length = script.render(seq, System.currentTimeMillis(), scratch);
    if (writeNanos != null) {
      writeNanos[(int) written] = System.nanoTime();
    }
    sink.sendText(scratch, length);
    written++;
  }

  /** Frame {@code seq} of the script (three frames per synthetic order), as text. */
  String frame(long seq, long nowMillis) {
    byte[] out = new byte[script.maxLength()];
    return new String(out, 0, script.render(seq, nowMillis, out), StandardCharsets.US_ASCII);
  }

  /**
   * The three frames of an order's life as byte templates whose variable parts (order id twice, execution id, trade
   * id, four millisecond timestamps) are fixed-width digit runs, patched in place per frame. Building each frame as a
   * String (appends, then UTF-8 encoding by Vert.x) cost the simulator's thread more than the adapter's decoding of
   * it, and 1.5 KB of garbage per frame; the exchange it stands for costs us nothing.
   */
  private static final class Script {
    private static final int ORDER_ID_DIGITS = 10; // FIRST_ORDER_ID .. FIRST_ORDER_ID + 999,999,999
    private static final int EXECUTION_ID_DIGITS = 11; // FIRST_ORDER_ID * 3 + seq
    private static final int TRADE_ID_DIGITS = 11; // order id * 2 + phase
    private static final int MILLIS_DIGITS = 13; // until the year 2286
    private final byte[][] templates = new byte[3][];
    private final int[][] orderIdAt = new int[3][];
    private final int[][] millisAt = new int[3][];
    private final int[] executionIdAt = new int[3];
    private final int[] tradeIdAt = new int[3];

    Script(int subscriptionId, String symbol, String commissionAsset) {
      for (int phase = 0; phase < 3; phase++) {
        build(phase, subscriptionId, symbol, commissionAsset);
      }
    }

    int maxLength() {
      return Math.max(templates[0].length, Math.max(templates[1].length, templates[2].length));
    }

    /** Writes frame {@code seq} into {@code out} (at least {@link #maxLength()} long); returns its length. */
    int render(long seq, long nowMillis, byte[] out) {
      int phase = (int) (seq % 3);
      long orderId = FIRST_ORDER_ID + seq / 3;
      byte[] template = templates[phase];
      System.arraycopy(template, 0, out, 0, template.length);
      for (int at : orderIdAt[phase]) {
        digits(out, at, ORDER_ID_DIGITS, orderId);
      }
      for (int at : millisAt[phase]) {
        digits(out, at, MILLIS_DIGITS, nowMillis);
      }
      digits(out, executionIdAt[phase], EXECUTION_ID_DIGITS, FIRST_ORDER_ID * 3 + seq);
      if (phase > 0) {
        digits(out, tradeIdAt[phase], TRADE_ID_DIGITS, orderId * 2 + phase);
      }
      return template.length;
    }

    private static void digits(byte[] out, int at, int width, long value) {
      for (int i = at + width - 1; i >= at; i--) {
        out[i] = (byte) ('0' + value % 10);
        value /= 10;
      }
    }

    private void build(int phase, int subscriptionId, String symbol, String commissionAsset) {
      String x = phase == 0 ? "NEW" : "TRADE";
      String status = phase == 0 ? "NEW" : phase == 1 ? "PARTIALLY_FILLED" : "FILLED";
      String last = phase == 0 ? "0.00000000" : "0.50000000";
      String cum = phase == 0 ? "0.00000000" : phase == 1 ? "0.50000000" : "1.00000000";
      String lastPrice = phase == 0 ? "0.00000000" : "100.00000000";
      String cumQuote = phase == 0 ? "0.00000000" : phase == 1 ? "50.00000000" : "100.00000000";
      String lastQuote = phase == 0 ? "0.00000000" : "50.00000000";
      StringBuilder sb = new StringBuilder(800);
      List<Integer> orderIds = new ArrayList<>();
      List<Integer> millis = new ArrayList<>();
      sb.append("{\"subscriptionId\":").append(subscriptionId).append(",\"event\":{\"e\":\"executionReport\",\"E\":");
      hole(sb, millis, MILLIS_DIGITS);
      sb.append(",\"s\":\"").append(symbol).append("\",\"c\":\"feed");
      hole(sb, orderIds, ORDER_ID_DIGITS);
      sb.append("\",\"S\":\"BUY\",\"o\":\"LIMIT\",\"f\":\"GTC\",\"q\":\"1.00000000\",\"p\":\"100.00000000\"")
          .append(",\"P\":\"0.00000000\",\"F\":\"0.00000000\",\"g\":-1,\"C\":\"\",\"x\":\"").append(x)
          .append("\",\"X\":\"").append(status).append("\",\"r\":\"NONE\",\"i\":");
      hole(sb, orderIds, ORDER_ID_DIGITS);
      sb.append(",\"l\":\"").append(last).append("\",\"z\":\"").append(cum).append("\",\"L\":\"").append(lastPrice)
          .append("\",\"n\":\"").append(phase == 0 ? "0" : "0.00050000").append("\",\"N\":")
          .append(phase == 0 ? "null" : "\"" + commissionAsset + "\"").append(",\"T\":");
      hole(sb, millis, MILLIS_DIGITS);
      sb.append(",\"t\":");
      if (phase == 0) {
        sb.append(-1);
      } else {
        tradeIdAt[phase] = sb.length();
        sb.append("0".repeat(TRADE_ID_DIGITS));
      }
      sb.append(",\"v\":0,\"I\":");
      executionIdAt[phase] = sb.length();
      sb.append("0".repeat(EXECUTION_ID_DIGITS));
      sb.append(",\"w\":").append(phase != 2).append(",\"m\":").append(phase != 0).append(",\"M\":")
          .append(phase != 0).append(",\"O\":");
      hole(sb, millis, MILLIS_DIGITS);
      sb.append(",\"Z\":\"").append(cumQuote).append("\",\"Y\":\"").append(lastQuote)
          .append("\",\"Q\":\"0.00000000\",\"W\":");
      hole(sb, millis, MILLIS_DIGITS);
      sb.append(",\"V\":\"NONE\"}}");
      templates[phase] = sb.toString().getBytes(StandardCharsets.UTF_8);
      orderIdAt[phase] = orderIds.stream().mapToInt(Integer::intValue).toArray();
      millisAt[phase] = millis.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void hole(StringBuilder sb, List<Integer> at, int width) {
      at.add(sb.length());
      sb.append("0".repeat(width));
    }
  }
}
