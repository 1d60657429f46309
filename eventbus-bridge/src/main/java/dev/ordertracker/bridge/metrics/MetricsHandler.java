package dev.ordertracker.bridge.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.backends.BackendRegistries;

/**
 * GET /metrics: the Prometheus scrape of the Vert.x default registry (Vert.x's own meters, the tracker's, the
 * adapter's and the bridges'), or 503 with a hint when the Vertx was not created with the Prometheus backend
 * ({@link BridgeMetrics#vertxOptionsWithPrometheus()}).
 */
public final class MetricsHandler implements Handler<RoutingContext> {
  private final Handler<RoutingContext> scrape;

  public MetricsHandler() {
    this.scrape = BackendRegistries.getDefaultNow() instanceof PrometheusMeterRegistry
        ? PrometheusScrapingHandler.create() : null;
  }

  public boolean enabled() {
    return scrape != null;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (scrape != null) {
      scrape.handle(ctx);
    } else {
      ctx.response().setStatusCode(503).putHeader("content-type", "text/plain")
          .end("metrics disabled: create the Vertx with BridgeMetrics.vertxOptionsWithPrometheus()\n");
    }
  }
}
