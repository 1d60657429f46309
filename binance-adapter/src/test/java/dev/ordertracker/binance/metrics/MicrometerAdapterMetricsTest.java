package dev.ordertracker.binance.metrics;

import dev.ordertracker.binance.codec.FrameDecodeException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MicrometerAdapterMetricsTest {

  @Test
  void countersAppearInTheVertxRegistryWithBoundedLabels() throws Exception {
    MeterRegistry registry = new SimpleMeterRegistry();
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    try {
      AdapterMetrics metrics = new AdapterMetrics();
      MicrometerAdapterMetrics.Binding binding =
          MicrometerAdapterMetrics.bindToDefaultRegistry(metrics, "orders").orElseThrow();
      metrics.frame();
      metrics.frame();
      metrics.decodeError(FrameDecodeException.Kind.NOT_JSON);
      metrics.latencyNanos(1_500_000);
      MeterRegistry bound = io.vertx.micrometer.backends.BackendRegistries.getDefaultNow();
      assertThat(bound.get("binance_adapter_frames").functionCounter().count()).isEqualTo(2);
      assertThat(bound.get("binance_adapter_decode_errors").tag("kind", "NOT_JSON").functionCounter().count())
          .isEqualTo(1);
      // a latency is a timer in base units with a histogram, not a precomputed quantile gauge
      Timer latency = bound.get("binance_adapter_frame_to_answer").tag("adapter", "orders").timer();
      assertThat(latency.count()).isEqualTo(1);
      assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1.5);

      // undeploy removes the meters; a redeployed adapter's counters are the ones exported
      binding.close();
      assertThat(bound.find("binance_adapter_frames").functionCounter()).isNull();
      metrics.latencyNanos(1_000_000);
      AdapterMetrics redeployed = new AdapterMetrics();
      MicrometerAdapterMetrics.bindToDefaultRegistry(redeployed, "orders").orElseThrow();
      redeployed.frame();
      assertThat(bound.get("binance_adapter_frames").functionCounter().count()).isEqualTo(1);
      assertThat(bound.get("binance_adapter_frame_to_answer").timer().count()).isZero();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
