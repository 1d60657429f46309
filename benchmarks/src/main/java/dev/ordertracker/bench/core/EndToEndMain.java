package dev.ordertracker.bench.core;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Fields;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.bench.Measure;
import dev.ordertracker.core.OrderTrackerVerticle;
import dev.ordertracker.core.service.LocalUpdateIngest;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * End to end inside one JVM: a sender thread sends exchange reports ({@link OrderUpdate} records, local codec) to
 * the tracker verticle's ingest address; the tracker applies them and publishes one JSON event with headers per
 * update; a consumer verticle on another event loop receives every event (reads its body and sequence header).
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.ordertracker.bench.core.EndToEndMain throughput [seconds]
 *   java -cp benchmarks/target/benchmarks.jar dev.ordertracker.bench.core.EndToEndMain latency [seconds] [events/s]
 * </pre>
 * throughput: as fast as the pipeline goes (at most 20,000 updates in flight), events/s received. Target 400,000/s.
 * latency: paced at a fixed rate (default 50,000/s), latency from send to receipt per event, percentiles after a
 * warm-up. Target p99 under 1 ms.
 */
public final class EndToEndMain {
  private static final int WINDOW = 20_000;

  private EndToEndMain() {
  }

  /** Counts events and records send-to-receive latency by the event's sequence (= update index + 1). */
  static final class Receiver extends VerticleBase {
    final AtomicLong received = new AtomicLong();
    final long[] sentAt;
    final long[] latency;

    Receiver(long[] sentAt) {
      this.sentAt = sentAt;
      this.latency = sentAt == null ? null : new long[sentAt.length];
    }

    @Override
    public Future<?> start() {
      List<Future<Void>> registered = new ArrayList<>();
      for (EventType type : EventType.values()) {
        registered.add(vertx.eventBus().<JsonObject>consumer(Addresses.defaults().event(type), msg -> {
          long now = System.nanoTime();
          JsonObject body = msg.body();
          if (body.getString(Fields.STATUS) == null) {
            throw new IllegalStateException("event without status");
          }
          if (sentAt != null) {
            int i = (int) (Long.parseLong(msg.headers().get(Fields.HEADER_SEQUENCE)) - 1);
            if (i < latency.length) {
              latency[i] = now - sentAt[i];
            }
          }
          received.lazySet(received.get() + 1);
        }).completion());
      }
      return Future.all(registered);
    }
  }

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "throughput";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
    OrderUpdate[] updates = OrderLives.build(200_000, "BTCUSDT");
    // The million pre-built updates (~390 MB) would otherwise be copied to the old generation by the first young
    // collections, in pauses of 40-90 ms that belong to the set-up, not to the pipeline.
    System.gc();
    Vertx vertx = Vertx.vertx();
    try {
      vertx.deployVerticle(new OrderTrackerVerticle(), new DeploymentOptions()
          .setConfig(new JsonObject().put("max_history_size", 1000))).await(30, TimeUnit.SECONDS);
      EventBus eventBus = vertx.eventBus();
      String ingest = LocalUpdateIngest.address(Addresses.defaults());
      if (mode.equals("latency")) {
        latency(vertx, eventBus, ingest, updates, seconds, rate);
      } else {
        throughput(vertx, eventBus, ingest, updates, seconds);
      }
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  /**
   * Sends the updates from its own event loop, as an exchange adapter does (a non-Vert.x thread would pay a
   * cross-thread task hand-off per message and measure itself): in bursts of 512 while fewer than {@link #WINDOW}
   * events are outstanding (throughput), or paced by a 1 ms timer at a fixed rate, stamping each send (latency).
   */
  static final class Sender extends VerticleBase {
    private final String ingest;
    private final OrderUpdate[] updates;
    private final Receiver receiver;
    private final long[] sentAt;
    private final int rate;
    private long sent;
    private long startNanos;
    volatile boolean stopped;

    Sender(String ingest, OrderUpdate[] updates, Receiver receiver, long[] sentAt, int rate) {
      this.ingest = ingest;
      this.updates = updates;
      this.receiver = receiver;
      this.sentAt = sentAt;
      this.rate = rate;
    }

    @Override
    public Future<?> start() {
      startNanos = System.nanoTime();
      if (rate == 0) {
        vertx.runOnContext(v -> burst());
      } else {
        vertx.setPeriodic(1, id -> paced(id));
      }
      return Future.succeededFuture();
    }

    /**
     * Sends up to 512 updates, then yields to the loop. When the window fills it waits on a 1 ms timer until half
     * of it has drained (hysteresis): resuming at the edge made the sender spin on one-message bursts and wake the
     * tracker per message, a driver artefact that cut the rate tenfold in some runs.
     */
    private void burst() {
      if (stopped) {
        return;
      }
      EventBus eventBus = vertx.eventBus();
      int n = 0;
      while (n < 512 && sent - receiver.received.get() < WINDOW) {
        eventBus.send(ingest, updates[(int) (sent++ % updates.length)]);
        n++;
      }
      if (n < 512) {
        vertx.setTimer(1, t -> drained());
      } else {
        vertx.runOnContext(v -> burst());
      }
    }

    private void drained() {
      if (sent - receiver.received.get() < WINDOW / 2) {
        burst();
      } else if (!stopped) {
        vertx.setTimer(1, t -> drained());
      }
    }

    private void paced(long timerId) {
      long due = Math.min(sentAt.length, (System.nanoTime() - startNanos) * rate / 1_000_000_000L);
      EventBus eventBus = vertx.eventBus();
      while (sent < due) {
        int i = (int) sent++;
        sentAt[i] = System.nanoTime();
        eventBus.send(ingest, updates[i % updates.length]);
      }
      if (sent >= sentAt.length) {
        vertx.cancelTimer(timerId);
      }
    }
  }

  private static void throughput(Vertx vertx, EventBus eventBus, String ingest, OrderUpdate[] updates,
                                 int seconds) throws Exception {
    Receiver receiver = new Receiver(null);
    vertx.deployVerticle(receiver).await(30, TimeUnit.SECONDS);
    Sender sender = new Sender(ingest, updates, receiver, null, 0);
    vertx.deployVerticle(sender).await(30, TimeUnit.SECONDS);
    // Warm-up: on two cores the JIT competes with three busy event loops; some runs stayed in a cold ~50k/s mode
    // for up to 4 s before the hot paths were compiled.
    Thread.sleep(6_000);
    long startCount = receiver.received.get();
    long startTime = System.nanoTime();
    long cpuStart = Measure.processCpuNanos();
    long[] perSecond = new long[seconds];
    long last = startCount;
    for (int s = 0; s < seconds; s++) {
      Thread.sleep(1000L);
      long now = receiver.received.get();
      perSecond[s] = now - last;
      last = now;
    }
    long count = receiver.received.get() - startCount;
    double elapsed = (System.nanoTime() - startTime) / 1e9;
    double cpu = (Measure.processCpuNanos() - cpuStart) / 1e9;
    sender.stopped = true;
    System.out.printf("end-to-end throughput: %.0f events/s (%d events in %.1f s; process CPU %.1f s = %.2f cores; "
        + "load average %.1f)%n", count / elapsed, count, elapsed, cpu, cpu / elapsed,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    long[] sorted = perSecond.clone();
    Arrays.sort(sorted);
    System.out.println("per second: " + Arrays.toString(perSecond) + "; median " + sorted[seconds / 2] + " events/s");
  }

  private static void latency(Vertx vertx, EventBus eventBus, String ingest, OrderUpdate[] updates, int seconds,
                              int rate) throws Exception {
    int warmup = 6;
    int total = rate * (seconds + warmup);
    long[] sentAt = new long[total];
    Receiver receiver = new Receiver(sentAt);
    vertx.deployVerticle(receiver).await(30, TimeUnit.SECONDS);
    long start = System.nanoTime();
    vertx.deployVerticle(new Sender(ingest, updates, receiver, sentAt, rate)).await(30, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + warmup + 30L);
    while (receiver.received.get() < total && System.nanoTime() < deadline) {
      LockSupport.parkNanos(1_000_000);
    }
    long[] measured = Arrays.copyOfRange(receiver.latency, rate * warmup, total);
    Arrays.sort(measured);
    double elapsed = (System.nanoTime() - start) / 1e9;
    System.out.printf("end-to-end latency at %d events/s (%d measured, received %d of %d; load average %.1f): "
            + "p50 %.1f µs, p90 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, max %.1f µs (run %.1f s)%n",
        rate, measured.length, receiver.received.get(), total,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        micros(measured, 0.50), micros(measured, 0.90), micros(measured, 0.99), micros(measured, 0.999),
        measured[measured.length - 1] / 1e3, elapsed);
  }

  private static double micros(long[] sorted, double fraction) {
    return Measure.percentile(sorted, fraction) / 1e3;
  }
}
