package dev.ordertracker.binance.replay;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.UpdateOutcome;
import dev.ordertracker.core.OrderTrackerCore;
import dev.ordertracker.core.TrackerException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.jackson.JacksonCodec;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Replays a recorded user-data stream through the decoder and the tracker core, in-process:
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.ordertracker.binance.replay.ReplayTool \
 *        --input frames.jsonl --output orders.jsonl [--account NAME]
 * </pre>
 * The input has one JSON text per line: wrapped ({@code {"subscriptionId":N,"event":{..}}}) or a bare event; blank
 * lines are skipped. Wrapped frames are attributed to account {@code sub-N} unless {@code --account} names one
 * account for everything (bare events always use {@code --account}, default {@code replay}). Prints frames, decode
 * errors, updates and frames/s; writes the final state of every order as one TrackedOrder JSON per line (active
 * orders first, then completed ones, most recent first). A progress line (frames/s, ETA) goes to stderr every
 * {@value ReplayProgress#EVERY_SECONDS} s of a long replay.
 *
 * <p>Pipeline speed (issue 18): the file is read line by line by a reader thread ({@link FrameReader}: decode, edge
 * dedup, executionReport → OrderUpdate), which hands batches through a bounded queue to the one thread that owns an
 * {@link OrderTrackerCore} (the tracker's state machine itself, without a verticle: no event bus, no events
 * published to nobody, no event loop to block). Memory is bounded by the number of orders (the core keeps every
 * order: history is unbounded here) plus {@value #QUEUED_BATCHES} batches in flight, not by the file size. The final
 * states are written one by one, from a plain thread.
 * Needs tracker-core on the class path (the benchmarks jar and the examples have it).
 */
public final class ReplayTool {
  private static final System.Logger LOG = System.getLogger(ReplayTool.class.getName());
  static final int QUEUED_BATCHES = 16;
  private static final int LOGGED_REFUSALS = 10;
  private static final int IO_BUFFER = 1 << 16;
  /** Our own factory (never Vert.x's shared mapper): values separated by our newlines, not by spaces. */
  private static final JsonFactory OUTPUT = new JsonFactoryBuilder().rootValueSeparator((String) null).build();

  private ReplayTool() {
  }

  /** The outcome of a replay. {@code framesPerSecond}: input to applied state, without writing the output. */
  public record Result(long frames, long decodeErrors, long updates, long applied, long duplicatesDropped,
                       double framesPerSecond, int orders) {
  }

  public static void main(String[] args) throws Exception {
    Path input = null;
    Path output = null;
    String account = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--input": input = Path.of(args[++i]); break;
        case "--output": output = Path.of(args[++i]); break;
        case "--account": account = args[++i]; break;
        default:
          System.err.println("unknown argument " + args[i]);
          usage();
          return;
      }
    }
    if (input == null || output == null) {
      usage();
      return;
    }
    Result r = run(input, output, account, System.err);
    System.out.printf("frames %d, decode errors %d, updates %d (applied %d), duplicates dropped %d, "
        + "%.0f frames/s, %d orders written to %s%n", r.frames(), r.decodeErrors(), r.updates(), r.applied(),
        r.duplicatesDropped(), r.framesPerSecond(), r.orders(), output);
  }

  private static void usage() {
    System.err.println("usage: ReplayTool --input FRAMES.jsonl --output ORDERS.jsonl [--account NAME]");
  }

  /**
   * Replays {@code input} and writes the orders to {@code output} on a thread of its own (never on an event loop or
   * a worker of {@code vertx}: a long replay would trip the blocked-thread checker).
   */
  public static Future<Result> run(Vertx vertx, Path input, Path output, String account) {
    Promise<Result> done = Promise.promise();
    Thread thread = new Thread(() -> {
      try {
        done.complete(run(input, output, account, null));
      } catch (Exception | Error e) {
        done.fail(e);
      }
    }, "replay-tracker");
    thread.setDaemon(true);
    thread.start();
    return done.future();
  }

  /**
   * Replays {@code input} into a fresh tracker core on the calling thread, then writes every order's final state.
   *
   * @param progress where the progress line of a long replay goes, or null for none
   */
  public static Result run(Path input, Path output, String account, PrintStream progress) throws IOException,
      InterruptedException {
    OrderTrackerCore core = OrderTrackerCore.builder().maxHistorySize(Integer.MAX_VALUE).build();
    FrameReader reader = new FrameReader(account, new ReplayProgress(progress, Files.size(input)));
    BatchHandoff handoff = new BatchHandoff(QUEUED_BATCHES);
    long start = System.nanoTime();
    Thread producer = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(input),
          StandardCharsets.UTF_8), IO_BUFFER)) {
        reader.readAll(in, handoff::put);
        handoff.finish(null);
      } catch (IOException | RuntimeException e) {
        handoff.finish(e instanceof IOException ? new IOException("cannot read " + input + ": " + e.getMessage(), e)
            : e);
      }
    }, "replay-reader");
    producer.setDaemon(true);
    producer.start();
    long applied = 0;
    long refused = 0;
    List<OrderUpdate> batch;
    while ((batch = handoff.take()) != null) {
      for (OrderUpdate update : batch) {
        try {
          if (core.apply(update) == UpdateOutcome.APPLIED) {
            applied++;
          }
        } catch (TrackerException e) {
          if (++refused <= LOGGED_REFUSALS) {
            LOG.log(System.Logger.Level.INFO, () -> "update refused: " + e.getMessage());
          }
        } catch (RuntimeException e) {
          // as the tracker's ingest does: one bad update never stops the replay (nor strands the reader thread)
          refused++;
          LOG.log(System.Logger.Level.ERROR, "update " + update.key() + " failed unexpectedly", e);
        }
      }
    }
    producer.join();
    handoff.rethrow();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (refused > LOGGED_REFUSALS) {
      LOG.log(System.Logger.Level.INFO, refused + " updates refused in all");
    }
    int orders = write(core, output);
    return new Result(reader.frames, reader.decodeErrors, reader.updates, applied, reader.duplicatesDropped(),
        reader.frames / Math.max(seconds, 1e-9), orders);
  }

  /**
   * One TrackedOrder JSON per line, one order at a time, streamed through one Jackson generator (the same encoder
   * as {@code JsonObject.encode()} without the databind round trip and without one String per order): the output is
   * most of a replay's work once the input is applied. The core's own snapshot lists hold references only.
   */
  private static int write(OrderTrackerCore core, Path output) throws IOException {
    int n = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), IO_BUFFER);
         JsonGenerator json = OUTPUT.createGenerator(out, JsonEncoding.UTF8)) {
      for (TrackedOrder o : core.getActiveOrders(null)) {
        writeLine(json, o);
        n++;
      }
      for (TrackedOrder o : core.getCompletedOrders(0)) {
        writeLine(json, o);
        n++;
      }
    } catch (IOException e) {
      throw new IOException("cannot write " + output + ": " + e.getMessage(), e);
    }
    return n;
  }

  private static void writeLine(JsonGenerator json, TrackedOrder order) throws IOException {
    JacksonCodec.encodeJson(order.toJson(), json);
    json.writeRaw('\n');
  }
}
