package dev.ordertracker.simulator.api;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Request parameters as text (WebSocket API params or decoded REST query/body), with typed accessors. */
public final class RequestParams {

  private final Map<String, String> values;

  private RequestParams(Map<String, String> values) {
    this.values = values;
  }

  public static RequestParams of(Map<String, String> values) {
    return new RequestParams(new LinkedHashMap<>(values));
  }

  public static RequestParams of(JsonObject params) {
    Map<String, String> map = new LinkedHashMap<>();
    if (params != null) {
      for (String name : params.fieldNames()) {
        Object v = params.getValue(name);
        if (v != null) {
          map.put(name, String.valueOf(v));
        }
      }
    }
    return new RequestParams(map);
  }

  public boolean has(String name) {
    String v = values.get(name);
    return v != null && !v.isEmpty();
  }

  public String optional(String name) {
    String v = values.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  public String required(String name) {
    String v = optional(name);
    if (v == null) {
      throw ApiException.missing(name);
    }
    return v;
  }

  public BigDecimal decimal(String name) {
    String v = optional(name);
    if (v == null) {
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(v);
      if (d.signum() < 0) {
        throw ApiException.malformed("Illegal characters found in parameter '" + name + "'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.");
      }
      return d;
    } catch (NumberFormatException e) {
      throw ApiException.malformed("Illegal characters found in parameter '" + name + "'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.");
    }
  }

  public Long longValue(String name) {
    String v = optional(name);
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiException.malformed("Illegal characters found in parameter '" + name + "'; legal range is '^[0-9]{1,20}$'.");
    }
  }

  public long requiredLong(String name) {
    Long v = longValue(name);
    if (v == null) {
      throw ApiException.missing(name);
    }
    return v;
  }
}
