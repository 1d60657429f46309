package dev.ordertracker.simulator.faults;

/** What the fault injector acts on; implemented by the simulator core. Called on the simulator context. */
public interface FaultTarget {

  /** Closes every WebSocket API connection. */
  void dropAllConnections();

  /** Sends {@code serverShutdown} on every connection. */
  void broadcastServerShutdown();

  /** Sends {@code eventStreamTerminated} to every subscription of the account and ends them; false if unknown. */
  boolean terminateStreams(String account);

  /** Publishes a raw user data event to the account's subscriptions (through the delivery faults); false if unknown. */
  boolean injectEvent(String account, io.vertx.core.json.JsonObject event);

  /**
   * Places an order for the account through the engine, outside any session ({@code order.place} parameters);
   * returns the FULL answer. Throws IllegalArgumentException for an unknown account, the API error otherwise.
   */
  io.vertx.core.json.JsonObject placeElsewhere(String account, io.vertx.core.json.JsonObject params);
}
