package dev.ordertracker.binance.replay;

import dev.ordertracker.api.TrackedOrder;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a recorded user-data stream through the decoder and the tracker core, in-process:
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.ordertracker.binance.replay.ReplayTool \
 *        --input frames.jsonl --output orders.jsonl [--account NAME] [--format orders|states]
 * </pre>
 * The input has one JSON text per line: wrapped ({@code {"subscriptionId":N,"event":{..}}}) or a bare event; blank
 * lines are skipped. Wrapped frames are attributed to account {@code sub-N} unless {@code --account} names one
 * account for everything (bare events always use {@code --account}, default {@code replay}). Prints frames, decode
 * errors, updates and frames/s; writes the final state of every order, one JSON object per line (active orders first,
 * then completed ones, most recent first): the whole TrackedOrder ({@code --format orders}, the default) or its final
 * state alone ({@code --format states}: account, symbol, ids, status, quantities, average price, last update). A
 * progress line (frames/s, ETA) goes to stderr every {@value ReplayProgress#EVERY_SECONDS} s of a long replay.
 *
 * <p>Pipeline speed (issue 18): the file is read in raw chunks and split and decoded on plain threads
 * ({@link ReplayPipeline}), which hand batches through bounded queues, in input order, to the one thread that owns an
 * {@link dev.ordertracker.core.OrderTrackerCore} (the tracker's state machine itself, without a verticle: no event
 * bus, no events published to nobody, no event loop to block). Memory is bounded by the number of orders (the core keeps every
 * order: history is unbounded here) plus a few chunks in flight, not by the file size. The final states are
 * encoded on plain threads and written in order.
 * Needs tracker-core on the class path (the benchmarks jar and the examples have it).
 */
public final class ReplayTool {
  private static final System.Logger LOG = System.getLogger(ReplayTool.class.getName());

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
    ReplayFormat format = ReplayFormat.ORDERS;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--input": input = Path.of(args[++i]); break;
        case "--output": output = Path.of(args[++i]); break;
        case "--account": account = args[++i]; break;
        case "--format": format = ReplayFormat.parse(args[++i]); break;
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
    Result r = run(input, output, account, format, System.err);
    System.out.printf("frames %d, decode errors %d, updates %d (applied %d), duplicates dropped %d, "
        + "%.0f frames/s, %d orders written to %s%n", r.frames(), r.decodeErrors(), r.updates(), r.applied(),
        r.duplicatesDropped(), r.framesPerSecond(), r.orders(), output);
  }

  private static void usage() {
    System.err.println("usage: ReplayTool --input FRAMES.jsonl --output ORDERS.jsonl [--account NAME] "
        + "[--format orders|states]");
  }

  /**
   * Replays {@code input} and writes the orders to {@code output} on a thread of its own (never on an event loop or
   * a worker of {@code vertx}: a long replay would trip the blocked-thread checker). {@code vertx} only says where the
   * caller lives: the replay itself needs no Vert.x instance.
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
    return run(input, output, account, ReplayFormat.ORDERS, progress);
  }

  /**
   * Replays {@code input} into a fresh tracker core on the calling thread, then writes every order's final state in
   * {@code format}.
   *
   * @param progress where the progress line of a long replay goes, or null for none
   */
  public static Result run(Path input, Path output, String account, ReplayFormat format, PrintStream progress)
      throws IOException, InterruptedException {
    ReplayPipeline pipeline = new ReplayPipeline();
    long start = System.nanoTime();
    pipeline.run(input, account, new ReplayProgress(progress, Files.size(input)));
    double seconds = (System.nanoTime() - start) / 1e9;
    if (pipeline.refused > 0) {
      LOG.log(System.Logger.Level.INFO, pipeline.refused + " updates refused by the tracker in all");
    }
    // active orders first, then completed ones (most recent first); the lists hold references to snapshots only
    List<TrackedOrder> orders = new ArrayList<>(pipeline.core.getActiveOrders(null));
    orders.addAll(pipeline.core.getCompletedOrders(0));
    OrderWriter.write(orders, output, format);
    return new Result(pipeline.frames, pipeline.decodeErrors, pipeline.updates, pipeline.applied,
        pipeline.duplicatesDropped(), pipeline.frames / Math.max(seconds, 1e-9), orders.size());
  }
}
