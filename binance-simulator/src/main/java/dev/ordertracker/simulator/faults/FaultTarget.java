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
}
