/**
 * The public model of vertx-order-tracker: what users program against.
 *
 * <pre>
 *   exchange adapter ──OrderUpdate──▶ OrderTrackerService (event bus: orders.tracker)
 *                                          │ owns TrackedOrder state
 *                                          ▼
 *                      orders.events.&lt;EventType&gt;  (OrderEvent JSON + headers)
 * </pre>
 *
 * Records here are immutable snapshots. Their JSON form uses the snake_case keys in {@link dev.ordertracker.api.Fields},
 * decimals are exact JSON numbers ({@link java.math.BigDecimal}), timestamps ISO-8601 UTC with milliseconds.
 */
@ModuleGen(name = "order-tracker", groupPackage = "dev.ordertracker")
package dev.ordertracker.api;

import io.vertx.codegen.annotations.ModuleGen;
