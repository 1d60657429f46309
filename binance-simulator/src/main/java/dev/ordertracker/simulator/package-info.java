/**
 * binance-simulator: a paper exchange speaking the Binance Spot WebSocket API and REST.
 *
 * <pre>
 *  client ──ws /ws-api/v3──► ws.WsApiServer ─► ws.WsApiDispatcher ─┐
 *  client ──http /api/v3───► rest.RestApi ─────────────────────────┼─► api.RequestAuthenticator (signing.*)
 *  client ──http /admin────► admin.AdminApi ─► faults.FaultInjector │   api.ExchangeApi ─► matching.MatchingEngine
 *                                                                   │                        │ executionReport,
 *  autotrader.AutoTrader ───────────────────────────────────────────┘                        ▼ balances, listStatus
 *  ws sessions ◄── stream.UserDataHub (faults: pause, duplicate, reorder, drop) ◄────── EngineListener
 * </pre>
 *
 * Public API: {@link dev.ordertracker.simulator.BinanceSimulator}, {@link dev.ordertracker.simulator.SimulatorOptions},
 * {@link dev.ordertracker.simulator.SimulatorVerticle}, {@link dev.ordertracker.simulator.SimulatorMain}, the truth
 * view records and {@link dev.ordertracker.simulator.faults.FaultInjector}. Every other package is internal. All
 * state lives on the simulator verticle's context.
 */
package dev.ordertracker.simulator;
