package dev.ordertracker.bridge;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers of the dashboard's pages. The page carries a token in its URL (it removes it with
 * {@code history.replaceState} once loaded): no referrer may carry it elsewhere, the page loads scripts from this
 * origin only and talks to this origin only, and {@code /} is revalidated rather than cached (it is not an
 * immutable asset).
 */
final class DashboardHeaders {
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
      + " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

  private DashboardHeaders() {
  }

  static void apply(RoutingContext ctx) {
    ctx.response().headers()
        .set("Referrer-Policy", "no-referrer")
        .set("Content-Security-Policy", CSP)
        .set("X-Content-Type-Options", "nosniff");
    String path = ctx.normalizedPath();
    if ("/".equals(path) || path.endsWith(".html")) {
      ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-cache"));
    }
    ctx.next();
  }
}
