package dev.ordertracker.examples.tracing;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.bridge.client.SockJsBridgeClient;
import dev.ordertracker.examples.DemoMain;
import dev.ordertracker.examples.Tracing;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.vertx.core.Vertx;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a tracer on the Vertx (vertx-opentelemetry), one trace runs from the adapter's hand-off of a decoded frame to
 * the tracker, through the tracker publishing the order's event, to the bridge delivering it to a subscribed
 * browser client — the whole main job (simulator, adapter, tracker, bridge) in one JVM.
 */
class TracingTest {

  /** Spans as the SDK ends them. */
  static final class Recorded implements SpanExporter {
    final Collection<SpanData> spans = new ConcurrentLinkedQueue<>();

    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
      spans.addAll(batch);
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  @Test
  void oneTraceFromTheFrameHandOffThroughTheEventToTheBridgeDelivery(@TempDir Path data) throws Exception {
    Recorded recorded = new Recorded();
    OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(recorded)).build())
        // the trace travels in event-bus message headers: without a propagator every hop starts a new one
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
    Vertx vertx = Vertx.builder().withTracer(new OpenTelemetryTracingFactory(otel)).build();
    try {
      DemoMain.Running running = DemoMain.start(vertx, DemoMain.DemoSettings.fromEnvironment(Map.of(
          "HTTP_PORT", "0", "TCP_BRIDGE_PORT", "0", "DATA_DIR", "none", "AUTO_TRADER_RATE", "20")))
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      SockJsBridgeClient client = SockJsBridgeClient.connect(vertx, "127.0.0.1", running.httpPort(), running.token())
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      String placed = Addresses.defaults().event(EventType.ORDER_PLACED);
      client.register(placed).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      List<SpanData> trace = List.of();
      while (trace.isEmpty() && System.nanoTime() < deadline) {
        trace = traceReachingTheBridge(recorded.spans, placed);
        if (trace.isEmpty()) {
          Thread.sleep(100);
        }
      }
      assertThat(trace).as("a trace with the ingest hand-off, the event publish and the bridge's receipt; spans: %s",
          recorded.spans.stream().map(s -> s.getKind() + " " + s.getName() + " " + s.getAttributes()
              .asMap().entrySet().stream().filter(e -> e.getKey().getKey().contains("destination"))
              .map(e -> String.valueOf(e.getValue())).collect(Collectors.joining()).replaceAll("[0-9a-f-]{36}", "<uuid>")
              + (s.getParentSpanContext().isValid() ? " child" : " root"))
              .distinct().collect(Collectors.joining("\n"))).isNotEmpty();
      assertThat(trace.stream().map(SpanData::getName).collect(Collectors.toSet())).contains("send", "publish");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      otel.close();
    }
  }

  @Test
  void tracingIsOffUnlessAnExporterIsNamedAndThenPropagatesW3cTraceContext() {
    assertThat(Tracing.fromEnvironment(Map.of())).isEmpty();
    assertThat(Tracing.fromEnvironment(Map.of(Tracing.EXPORTER_VARIABLE, "none"))).isEmpty();
    try (OpenTelemetrySdk sdk = Tracing.fromEnvironment(Map.of(Tracing.EXPORTER_VARIABLE, "logging")).orElseThrow()) {
      assertThat(sdk.getPropagators().getTextMapPropagator().fields()).contains("traceparent");
      assertThat(sdk.getTracerProvider().get("test").spanBuilder("x").startSpan().getSpanContext().isValid()).isTrue();
    }
  }

  /** The event-bus address a Vert.x messaging span is about (its destination attribute). */
  private static String destination(SpanData span) {
    return span.getAttributes().asMap().entrySet().stream()
        .filter(e -> e.getKey().getKey().contains("destination")).map(e -> String.valueOf(e.getValue()))
        .findFirst().orElse("");
  }

  /**
   * The spans of one trace whose root is the adapter's hand-off to the tracker's ingest address (a CLIENT send) and
   * which has the tracker's receipt of it, the tracker's publish of the event (CLIENT) and a receipt of that event
   * (SERVER: the bridge's registration for the browser client).
   */
  private static List<SpanData> traceReachingTheBridge(Collection<SpanData> spans, String eventAddress) {
    String ingest = Addresses.defaults().trackerIngest();
    Map<String, List<SpanData>> byTrace = spans.stream().collect(Collectors.groupingBy(SpanData::getTraceId));
    for (List<SpanData> trace : byTrace.values()) {
      boolean handedOff = trace.stream().anyMatch(s -> destination(s).equals(ingest) && s.getKind() == SpanKind.CLIENT
          && !s.getParentSpanContext().isValid());
      boolean ingested = trace.stream().anyMatch(s -> destination(s).equals(ingest) && s.getKind() == SpanKind.SERVER);
      boolean published = trace.stream().anyMatch(s -> destination(s).equals(eventAddress)
          && s.getKind() == SpanKind.CLIENT);
      boolean delivered = trace.stream().anyMatch(s -> destination(s).equals(eventAddress)
          && s.getKind() == SpanKind.SERVER);
      if (handedOff && ingested && published && delivered) {
        return trace;
      }
    }
    return List.of();
  }
}
