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
 * decimals are decimal strings read into {@link java.math.BigDecimal}s, timestamps ISO-8601 UTC with milliseconds.
 * An order carries its {@link dev.ordertracker.api.OrderDetails} (time in force, stop price, iceberg quantity, order
 * list id, STP mode, prevented quantities, working, expiry reason, pegged price, last execution type; flattened in
 * JSON) and its {@link dev.ordertracker.api.Amendment}s; an {@link dev.ordertracker.api.OrderUpdate}'s
 * {@link dev.ordertracker.api.UpdateKind} chooses its rows of the transition table; order lists are
 * {@link dev.ordertracker.api.OrderList}s ({@code getOrderList}).
 */
@ModuleGen(name = "order-tracker", groupPackage = "dev.ordertracker")
package dev.ordertracker.api;

import io.vertx.codegen.annotations.ModuleGen;
