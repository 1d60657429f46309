/**
 * The order tracker: the verticle that owns order state.
 *
 * <pre>
 *   OrderTrackerService (JSON, orders.tracker) ──▶ service.TrackerServiceEndpoint ──┐
 *   OrderUpdate records (orders.tracker.ingest) ──▶ service.LocalUpdateIngest ─────┤
 *                                                                                    ▼
 *   OrderTrackerCore:  identity ─▶ duplicate ─▶ state.OrderStateMachine ─▶ state.OrderRecord mutation
 *                      ─▶ index.OrderIndex (active / bounded history) ─▶ TrackerJournal ─▶ EventSink
 *                                                                                    │
 *                                           publish.EventBusPublisher ─▶ orders.events.&lt;EVENT_TYPE&gt;
 * </pre>
 *
 * Everything below {@link dev.ordertracker.core.OrderTrackerVerticle} runs on the verticle's context; the core and
 * its packages {@code state}, {@code index} and {@code stats} do not use Vert.x.
 */
package dev.ordertracker.core;
