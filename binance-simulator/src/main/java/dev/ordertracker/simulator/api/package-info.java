/**
 * Exchange operations shared by the WebSocket API and REST ({@link dev.ordertracker.simulator.api.ExchangeApi}),
 * request authentication as Binance does it, Binance-shaped errors and rate-limit reports. Internal.
 */
package dev.ordertracker.simulator.api;
