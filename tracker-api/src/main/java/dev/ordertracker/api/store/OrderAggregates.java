package dev.ordertracker.api.store;

import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.WireJson;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregates over the stored orders matching an {@link AggregateQuery}.
 *
 * <ul>
 *   <li>{@code countsByStatus}, {@code countsBySymbol}: number of matching orders (statuses with no order are
 *   absent);</li>
 *   <li>{@code volumeBySymbol}: per symbol, the filled base quantity and the notional (quote quantity: the sum of the
 *   fills' quote quantities, or filled quantity times average price when an order carries no fills); exact
 *   decimals; symbols with nothing filled are absent;</li>
 *   <li>{@code averageTimeToFillMs}: mean time from creation to FILLED over the matching FILLED orders that have
 *   both times, rounded down to the millisecond; null when there is none;</li>
 *   <li>{@code fillRatio}: FILLED orders / orders in a final status (FILLED, CANCELLED, EXPIRED, FAILED), ten
 *   significant digits; null when no order is final.</li>
 * </ul>
 */
public record OrderAggregates(long totalOrders, Map<OrderStatus, Long> countsByStatus, Map<String, Long> countsBySymbol,
                              Map<String, SymbolVolume> volumeBySymbol, Long averageTimeToFillMs, long filledOrders,
                              long finalOrders, BigDecimal fillRatio) {
  public static final MathContext RATIO_CONTEXT = new MathContext(10, RoundingMode.HALF_EVEN);

  /** Filled base quantity and quote notional of one symbol. */
  public record SymbolVolume(BigDecimal filledQuantity, BigDecimal notional) {
    public JsonObject toJson() {
      return new JsonObject().put(StoreFields.FILLED_QUANTITY, WireJson.decimal(filledQuantity))
          .put(StoreFields.NOTIONAL, WireJson.decimal(notional));
    }

    public static SymbolVolume fromJson(JsonObject json) {
      return new SymbolVolume(WireJson.optDecimal(json, StoreFields.FILLED_QUANTITY),
          WireJson.optDecimal(json, StoreFields.NOTIONAL));
    }
  }

  public OrderAggregates {
    countsByStatus = Map.copyOf(countsByStatus);
    countsBySymbol = Map.copyOf(countsBySymbol);
    volumeBySymbol = Map.copyOf(volumeBySymbol);
  }

  /**
   * Builds the aggregates from the raw sums every store computes the same way, so that both stores derive the
   * averages and the ratio identically.
   */
  public static OrderAggregates of(Map<OrderStatus, Long> countsByStatus, Map<String, Long> countsBySymbol,
                                   Map<String, SymbolVolume> volumeBySymbol, long timeToFillSumMs,
                                   long timeToFillCount) {
    long total = countsByStatus.values().stream().mapToLong(Long::longValue).sum();
    long filled = countsByStatus.getOrDefault(OrderStatus.FILLED, 0L);
    long fin = 0;
    for (Map.Entry<OrderStatus, Long> e : countsByStatus.entrySet()) {
      if (e.getKey().isFinal()) {
        fin += e.getValue();
      }
    }
    Long avg = timeToFillCount == 0 ? null : Math.floorDiv(timeToFillSumMs, timeToFillCount);
    BigDecimal ratio = fin == 0 ? null
        : BigDecimal.valueOf(filled).divide(BigDecimal.valueOf(fin), RATIO_CONTEXT).stripTrailingZeros();
    return new OrderAggregates(total, countsByStatus, countsBySymbol, volumeBySymbol, avg, filled, fin, ratio);
  }

  public long count(OrderStatus status) {
    return countsByStatus.getOrDefault(status, 0L);
  }

  public JsonObject toJson() {
    JsonObject byStatus = new JsonObject();
    new TreeMap<>(countsByStatus).forEach((k, v) -> byStatus.put(k.name(), v));
    JsonObject bySymbol = new JsonObject();
    new TreeMap<>(countsBySymbol).forEach(bySymbol::put);
    JsonObject volumes = new JsonObject();
    new TreeMap<>(volumeBySymbol).forEach((k, v) -> volumes.put(k, v.toJson()));
    return new JsonObject()
        .put(StoreFields.TOTAL_ORDERS, totalOrders)
        .put(StoreFields.COUNTS_BY_STATUS, byStatus)
        .put(StoreFields.COUNTS_BY_SYMBOL, bySymbol)
        .put(StoreFields.VOLUME_BY_SYMBOL, volumes)
        .put(StoreFields.AVERAGE_TIME_TO_FILL_MS, averageTimeToFillMs)
        .put(StoreFields.FILLED_ORDERS, filledOrders)
        .put(StoreFields.FINAL_ORDERS, finalOrders)
        .put(StoreFields.FILL_RATIO, WireJson.decimal(fillRatio));
  }

  public static OrderAggregates fromJson(JsonObject json) {
    Map<OrderStatus, Long> byStatus = new TreeMap<>();
    json.getJsonObject(StoreFields.COUNTS_BY_STATUS, new JsonObject())
        .forEach(e -> byStatus.put(OrderStatus.parse(e.getKey()), ((Number) e.getValue()).longValue()));
    Map<String, Long> bySymbol = new TreeMap<>();
    json.getJsonObject(StoreFields.COUNTS_BY_SYMBOL, new JsonObject())
        .forEach(e -> bySymbol.put(e.getKey(), ((Number) e.getValue()).longValue()));
    Map<String, SymbolVolume> volumes = new TreeMap<>();
    JsonObject v = json.getJsonObject(StoreFields.VOLUME_BY_SYMBOL, new JsonObject());
    for (String symbol : v.fieldNames()) {
      volumes.put(symbol, SymbolVolume.fromJson(v.getJsonObject(symbol)));
    }
    return new OrderAggregates(json.getLong(StoreFields.TOTAL_ORDERS, 0L), byStatus, bySymbol, volumes,
        json.getLong(StoreFields.AVERAGE_TIME_TO_FILL_MS), json.getLong(StoreFields.FILLED_ORDERS, 0L),
        json.getLong(StoreFields.FINAL_ORDERS, 0L), WireJson.optDecimal(json, StoreFields.FILL_RATIO));
  }
}
