/** The WebSocket API at {@code /ws-api/v3}: sessions (logon, subscriptions, pings, age), dispatch, envelopes. */
package dev.ordertracker.simulator.ws;
