package dev.ordertracker.examples;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A container health check for an image that has no shell and no curl: {@code java -cp @/app/jib-classpath-file
 * dev.ordertracker.examples.HealthProbe [url]} exits 0 when {@code url} (default
 * {@code http://127.0.0.1:8080/health/live}) answers 2xx within 3 s, else 1. docker-compose.yml uses it;
 * Kubernetes uses its own HTTP probes.
 */
public final class HealthProbe {
  static final String DEFAULT_URL = "http://127.0.0.1:8080/health/live";

  private HealthProbe() {
  }

  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : DEFAULT_URL;
    System.exit(probe(url) ? 0 : 1);
  }

  static boolean probe(String url) {
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
      HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url))
          .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
      return response.statusCode() / 100 == 2;
    } catch (Exception e) {
      System.err.println("health probe " + url + ": " + e);
      return false;
    }
  }
}
