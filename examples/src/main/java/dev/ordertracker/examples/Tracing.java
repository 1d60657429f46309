package dev.ordertracker.examples;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.vertx.core.VertxBuilder;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tracing for the launchers, off unless {@code OTEL_TRACES_EXPORTER} is set (to {@code otlp} or {@code logging}):
 * then OpenTelemetry's SDK is configured from the standard {@code OTEL_*} variables (endpoint, service name,
 * sampler, ...; see opentelemetry.io "SDK configuration") and the Vertx gets vertx-opentelemetry's tracer. A trace
 * starts at each adapter → tracker hand-off (the updates of one socket read), continues through the tracker's
 * published events and ends at each consumer's receipt, a bridge client's delivery included. Metrics and logs are
 * not exported through OpenTelemetry (Prometheus serves the metrics).
 */
public final class Tracing {
  public static final String EXPORTER_VARIABLE = "OTEL_TRACES_EXPORTER";

  private Tracing() {
  }

  /** The SDK for {@code env}, or empty when tracing is off (the variable unset, blank or {@code none}). */
  public static Optional<OpenTelemetrySdk> fromEnvironment(Map<String, String> env) {
    String exporter = env.get(EXPORTER_VARIABLE);
    if (exporter == null || exporter.isBlank() || exporter.trim().equals("none")) {
      return Optional.empty();
    }
    Map<String, String> properties = new HashMap<>();
    properties.put("otel.metrics.exporter", "none");
    properties.put("otel.logs.exporter", "none");
    properties.put("otel.service.name", "vertx-order-tracker");
    // the JDK's HTTP client is the sender on the classpath: OTLP over HTTP (port 4318), not gRPC
    properties.put("otel.exporter.otlp.protocol", "http/protobuf");
    // OTEL_EXPORTER_OTLP_ENDPOINT → otel.exporter.otlp.endpoint, as the SDK itself maps variables
    env.forEach((key, value) -> {
      if (key.startsWith("OTEL_")) {
        properties.put(key.toLowerCase(Locale.ROOT).replace('_', '.'), value);
      }
    });
    return Optional.of(AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> properties)
        .disableShutdownHook()
        .build().getOpenTelemetrySdk());
  }

  /** Adds the tracer to {@code builder} when tracing is on; the SDK is closed with the JVM. */
  public static VertxBuilder apply(VertxBuilder builder, Map<String, String> env) {
    fromEnvironment(env).ifPresent(sdk -> {
      builder.withTracer(new OpenTelemetryTracingFactory(sdk));
      Runtime.getRuntime().addShutdownHook(new Thread(sdk::close, "otel-shutdown"));
      System.out.println("[tracing] OpenTelemetry on: traces exported by '" + env.get(EXPORTER_VARIABLE) + "'");
    });
    return builder;
  }
}
