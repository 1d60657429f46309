/**
 * The event-bus bridges: browsers (SockJS at /eventbus) and other clients (TCP) subscribe to order events and
 * query the tracker, authenticated by JWTs and restricted by one permission policy
 * ({@link dev.ordertracker.bridge.security.BridgePermissions}); plus /health, /metrics and the live dashboard.
 * Entry point: {@link dev.ordertracker.bridge.BridgeVerticle} configured by {@link dev.ordertracker.bridge.BridgeOptions}.
 */
package dev.ordertracker.bridge;
