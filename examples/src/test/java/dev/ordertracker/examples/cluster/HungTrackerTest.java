package dev.ordertracker.examples.cluster;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.OrderTracker;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hung tracker (SIGSTOP: alive, silent) is replaced after the heartbeat timeout, and when it runs again (SIGCONT)
 * it publishes nothing: its lease has lapsed, it holds, re-verifies and stands down, or its node lost the quorum.
 * Three tracker candidates with HA quorum 2, plus this JVM (consumer, driver).
 */
@Tag("cluster")
class HungTrackerTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int ORDERS = 80;

  private TestCluster cluster;

  @AfterEach
  void tearDown() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aStoppedTrackerIsReplacedAndPublishesNothingWhenItResumes() throws Exception {
    cluster = new TestCluster(4);
    ClusterNode local = cluster.joinLocal();
    EventRecorder recorder = new EventRecorder();
    Await.result(local.vertx().deployVerticle(recorder), WAIT);
    // Quorum 2: n1's singleton deploys once n2 is there too.
    NodeProcess n1 = cluster.startProbeAsync("n1", 1, "tracker", "--ha-quorum", "2");
    NodeProcess n2 = cluster.startProbe("n2", 2, "tracker", "--ha-quorum", "2");
    n1.awaitLine("CLUSTER-NODE-READY", WAIT);
    NodeProcess n3 = cluster.startProbe("n3", 3, "tracker", "--ha-quorum", "2");
    NodeProcess active = n1.lineTime("SINGLETON-ACTIVE tracker", 0) > 0 ? n1 : n2;
    List<NodeProcess> others = active == n1 ? List.of(n2, n3) : List.of(n1, n3);

    OrderTracker tracker = OrderTracker.create(local.vertx(), Addresses.defaults(),
        new DeliveryOptions().setSendTimeout(1_000));
    UpdateStream stream = new UpdateStream(local.vertx(), tracker, ORDERS, 5);
    var finished = stream.run();
    Await.until(WAIT, () -> stream.acknowledged() >= 60, () -> "acks " + stream.acknowledged());
    int[] from = {others.get(0).lineCount(), others.get(1).lineCount()};
    signal("STOP", active);
    long stoppedAt = System.nanoTime();
    Await.until(WAIT, () -> others.get(0).lineTime("SINGLETON-ACTIVE tracker", from[0]) > 0
        || others.get(1).lineTime("SINGLETON-ACTIVE tracker", from[1]) > 0, () -> "no takeover");
    long takeover = Math.max(others.get(0).lineTime("SINGLETON-ACTIVE tracker", from[0]),
        others.get(1).lineTime("SINGLETON-ACTIVE tracker", from[1]));
    System.out.printf("hung tracker: SIGSTOP -> takeover %.0f ms%n", (takeover - stoppedAt) / 1e6);
    int resumedFrom = active.lineCount();
    signal("CONT", active);
    Await.result(finished, WAIT);

    int expected = ORDERS * (2 + UpdateStream.FILLS_PER_ORDER);
    Await.until(WAIT, () -> TrackerFailoverTest.distinctSequences(recorder.snapshot()).size() >= expected,
        () -> "distinct events " + TrackerFailoverTest.distinctSequences(recorder.snapshot()).size());
    // Let the resumed node settle (its lease hold, the merge), then nothing it did may show.
    Await.result(local.vertx().timer(12, TimeUnit.SECONDS), WAIT);
    JsonArray recorded = recorder.snapshot();
    TrackerFailoverTest.assertPublishedOnceInOrder(recorded, expected, ORDERS);
    List<String> said = active.lines().subList(resumedFrom, active.lineCount());
    System.out.println("hung tracker: resumed node said " + said);
    // It should stay dormant; if a slow ping let its redeployed copy start, the fence must have stood it down
    // (nothing above was published twice): it may not end active.
    List<String> stoodDown = said.stream().filter(l -> l.startsWith("SINGLETON-STOOD-DOWN"))
        .map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList();
    assertThat(said).filteredOn(l -> l.startsWith("SINGLETON-ACTIVE"))
        .as("a copy activated on the resumed node and was never stood down")
        .allMatch(l -> stoodDown.contains(l.substring(l.lastIndexOf(' ') + 1)));
  }

  private static void signal(String signal, NodeProcess process) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }
}
