/** Implementation of {@link dev.ordertracker.simulator.BinanceSimulator}: the core verticle and the truth view. */
package dev.ordertracker.simulator.impl;
