package dev.ordertracker.core.stats;

import dev.ordertracker.api.Fields;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code health} object of a tracker's {@code getStats} answer: each component's own report under its name
 * and, in {@code status}, the worst of them (DOWN before DEGRADED before UP). The bridge's {@code /health} reads it.
 */
public final class ComponentHealth {
  private static final List<String> ORDER = List.of(Fields.HEALTH_UP, Fields.HEALTH_DEGRADED, Fields.HEALTH_DOWN);

  private ComponentHealth() {
  }

  /** A component: its name and its report ({@code {status, ...}}), read when asked. */
  public record Component(String name, Supplier<JsonObject> report) {
  }

  /** A supplier of the combined report, for {@code TrackerServiceEndpoint.withHealth}. */
  public static Supplier<JsonObject> of(Component... components) {
    return () -> {
      JsonObject out = new JsonObject();
      String worst = Fields.HEALTH_UP;
      for (Component c : components) {
        JsonObject report = c.report().get();
        out.put(c.name(), report);
        worst = worse(worst, report.getString(Fields.STATUS, Fields.HEALTH_DOWN));
      }
      return out.put(Fields.STATUS, worst);
    };
  }

  static String worse(String a, String b) {
    int ia = ORDER.indexOf(a);
    int ib = ORDER.indexOf(b);
    return ORDER.get(Math.max(ia < 0 ? 2 : ia, ib < 0 ? 2 : ib));
  }
}
