/**
 * Fault injection: {@link dev.ordertracker.simulator.faults.FaultInjector} (public, thread-safe, hops onto the
 * simulator context) arms the faults kept in {@link dev.ordertracker.simulator.faults.FaultState}.
 */
package dev.ordertracker.simulator.faults;
