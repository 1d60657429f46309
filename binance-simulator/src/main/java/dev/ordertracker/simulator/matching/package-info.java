/**
 * The matching engine: one {@link dev.ordertracker.simulator.matching.SymbolBook} per symbol with a moving reference
 * price and synthetic liquidity, orders, fills, OCO lists, and the status transition table
 * ({@link dev.ordertracker.simulator.matching.OrderStatus}). Emits to an
 * {@link dev.ordertracker.simulator.matching.EngineListener}. Pure: no I/O, no Vert.x.
 */
package dev.ordertracker.simulator.matching;
