package dev.ordertracker.binance.replay;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.UpdateOutcome;
import dev.ordertracker.binance.codec.UserDataDecoder;
import dev.ordertracker.binance.dedup.ExecutionDeduplicator;
import dev.ordertracker.binance.feed.StreamProcessor;
import dev.ordertracker.binance.feed.TrackerFeed;
import dev.ordertracker.binance.metrics.AdapterMetrics;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Replays a recorded user-data stream through the decoder and the tracker, in-process:
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.ordertracker.binance.replay.ReplayTool \
 *        --input frames.jsonl --output orders.jsonl [--account NAME]
 * </pre>
 * The input has one JSON text per line: wrapped ({@code {"subscriptionId":N,"event":{..}}}) or a bare event; blank
 * lines are skipped. Wrapped frames are attributed to account {@code sub-N} unless {@code --account} names one
 * account for everything (bare events always use {@code --account}, default {@code replay}). Prints frames, decode
 * errors, updates and frames/s; writes the final state of every order as one TrackedOrder JSON per line.
 * Needs tracker-core on the class path (the benchmarks jar and the examples have it).
 */
public final class ReplayTool {
  private static final int CHUNK = 5_000;
  private static final String TRACKER_VERTICLE = "dev.ordertracker.core.OrderTrackerVerticle";

  private ReplayTool() {
  }

  /** The outcome of a replay. */
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
    Vertx vertx = Vertx.vertx();
    try {
      Result r = run(vertx, input, output, account).toCompletionStage().toCompletableFuture()
          .get(30, TimeUnit.MINUTES);
      System.out.printf("frames %d, decode errors %d, updates %d (applied %d), duplicates dropped %d, "
          + "%.0f frames/s, %d orders written to %s%n", r.frames(), r.decodeErrors(), r.updates(), r.applied(),
          r.duplicatesDropped(), r.framesPerSecond(), r.orders(), output);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static void usage() {
    System.err.println("usage: ReplayTool --input FRAMES.jsonl --output ORDERS.jsonl [--account NAME]");
  }

  /** Deploys a tracker in {@code vertx}, replays {@code input} and writes the orders to {@code output}. */
  public static Future<Result> run(Vertx vertx, Path input, Path output, String account) {
    return vertx.executeBlocking(() -> Files.readAllLines(input, StandardCharsets.UTF_8))
        .compose(lines -> vertx.deployVerticle(TRACKER_VERTICLE, new DeploymentOptions()
                .setConfig(new JsonObject().put("max_history_size", Math.max(1000, lines.size()))))
            .compose(id -> replay(vertx, lines, account)))
        .compose(result -> writeOrders(vertx, output).map(n -> new Result(result.frames(), result.decodeErrors(),
            result.updates(), result.applied(), result.duplicatesDropped(), result.framesPerSecond(), n)));
  }

  private static Future<Result> replay(Vertx vertx, List<String> lines, String account) {
    Context context = vertx.getOrCreateContext();
    Promise<Result> done = Promise.promise();
    context.runOnContext(v -> {
      AdapterMetrics metrics = new AdapterMetrics();
      Addresses addresses = Addresses.defaults();
      TrackerFeed feed = new TrackerFeed(vertx, addresses, true, 60_000);
      StreamProcessor processor = new StreamProcessor(new UserDataDecoder(), new ExecutionDeduplicator(1_000_000),
          feed, vertx.eventBus(), addresses, metrics, new StreamProcessor.Control() {
            @Override
            public void serverShutdown(Object source) {
            }

            @Override
            public void streamTerminated(Object source, String name) {
            }
          }, true);
      long[] applied = new long[1];
      // every update answered: the tool reports how many the tracker applied
      long start = System.nanoTime();
      chunk(lines, 0, processor, account, applied).onComplete(ar -> {
        double seconds = (System.nanoTime() - start) / 1e9;
        if (ar.failed()) {
          done.fail(ar.cause());
        } else {
          done.complete(new Result(metrics.frames(), metrics.decodeErrors(), metrics.updatesSent(), applied[0],
              metrics.duplicatesDropped(), metrics.frames() / Math.max(seconds, 1e-9), 0));
        }
      });
    });
    return done.future();
  }

  /** One chunk at a time, waiting for the tracker's answers, so that the backlog stays bounded. */
  private static Future<Void> chunk(List<String> lines, int from, StreamProcessor processor, String account,
                                    long[] applied) {
    if (from >= lines.size()) {
      return Future.succeededFuture();
    }
    int to = Math.min(lines.size(), from + CHUNK);
    List<Future<UpdateOutcome>> answers = new ArrayList<>();
    for (int i = from; i < to; i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      Future<UpdateOutcome> f = processor.handle(null, line, System.nanoTime(),
          sub -> account != null ? account : sub < 0 ? "replay" : "sub-" + sub);
      if (f != null) {
        answers.add(f.onSuccess(o -> {
          if (o == UpdateOutcome.APPLIED) {
            applied[0]++;
          }
        }).recover(e -> Future.succeededFuture(null)));
      }
    }
    return Future.all(answers).compose(v -> chunk(lines, to, processor, account, applied));
  }

  private static Future<Integer> writeOrders(Vertx vertx, Path output) {
    OrderTracker tracker = OrderTracker.create(vertx);
    return Future.all(tracker.getActiveOrders(), tracker.getCompletedOrders(dev.ordertracker.api.OrderTracker.MAX_COMPLETED_LIMIT)).compose(all -> {
      List<TrackedOrder> orders = new ArrayList<>(all.<List<TrackedOrder>>resultAt(0));
      orders.addAll(all.<List<TrackedOrder>>resultAt(1));
      return vertx.executeBlocking(() -> {
        try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
          for (TrackedOrder o : orders) {
            w.write(o.toJson().encode());
            w.newLine();
          }
        } catch (IOException e) {
          throw new IOException("cannot write " + output + ": " + e.getMessage(), e);
        }
        return orders.size();
      });
    });
  }
}
