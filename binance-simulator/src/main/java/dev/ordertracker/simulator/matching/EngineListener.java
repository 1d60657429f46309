package dev.ordertracker.simulator.matching;

import dev.ordertracker.simulator.account.Account;

import java.util.Collection;

/** Receives what the engine does, synchronously, on the simulator context. */
public interface EngineListener {

  void onExecutionReport(Account account, ExecutionReport report);

  /** Balances of {@code assets} changed; emitted after the execution report that changed them. */
  void onBalancesChanged(Account account, Collection<String> assets, long time);

  /** An order list (OCO) started or finished. */
  void onListStatus(Account account, ListStatus status);

  /** The order's state changed (for the truth view). */
  void onOrderChanged(Order order);
}
