package dev.ordertracker.simulator.stream;

import dev.ordertracker.simulator.account.Account;
import dev.ordertracker.simulator.faults.FaultState;
import dev.ordertracker.simulator.matching.EngineListener;
import dev.ordertracker.simulator.matching.ExecutionReport;
import dev.ordertracker.simulator.matching.ListStatus;
import dev.ordertracker.simulator.matching.Order;
import dev.ordertracker.simulator.wire.EventEncoder;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Routes user data events of each account to its subscriptions, applying the delivery faults (pause, duplicate,
 * reorder, drop after N). Events produced during a request can be deferred until its response is written
 * ({@code streamBeforeResponse=false}). Owned by the simulator context.
 */
public final class UserDataHub implements EngineListener {

  private static final long REORDER_FLUSH_MS = 200;

  private record Pending(String account, String eventJson) {
  }

  private final Vertx vertx;
  private final FaultState faults;
  private final Runnable dropAll;
  private final Consumer<Order> orderObserver;
  private final Map<String, List<Subscription>> byAccount = new HashMap<>();
  private final List<Pending> reorderBuffer = new ArrayList<>();
  private List<Pending> deferred;
  private long reorderTimer = -1;
  private long delivered;

  public UserDataHub(Vertx vertx, FaultState faults, Runnable dropAll, Consumer<Order> orderObserver) {
    this.vertx = vertx;
    this.faults = faults;
    this.dropAll = dropAll;
    this.orderObserver = orderObserver;
  }

  public void subscribe(Subscription s) {
    byAccount.computeIfAbsent(s.account().name(), k -> new ArrayList<>()).add(s);
  }

  public void unsubscribe(Subscription s) {
    List<Subscription> list = byAccount.get(s.account().name());
    if (list != null) {
      list.remove(s);
    }
  }

  public List<Subscription> subscriptions(String account) {
    return byAccount.getOrDefault(account, List.of());
  }

  public long deliveredCount() {
    return delivered;
  }

  // --------------------------------------------------------------- engine events

  @Override
  public void onExecutionReport(Account account, ExecutionReport report) {
    publish(account.name(), EventEncoder.executionReport(report, System.currentTimeMillis()).encode());
  }

  @Override
  public void onBalancesChanged(Account account, Collection<String> assets, long time) {
    publish(account.name(), EventEncoder.outboundAccountPosition(account.balances(), assets, time).encode());
  }

  @Override
  public void onListStatus(Account account, ListStatus status) {
    publish(account.name(), EventEncoder.listStatus(status).encode());
  }

  @Override
  public void onOrderChanged(Order order) {
    orderObserver.accept(order);
  }

  // --------------------------------------------------------------- deferral around a request

  /** Starts holding events until {@link #flushDeferred()}. */
  public void deferEvents() {
    if (deferred == null) {
      deferred = new ArrayList<>();
    }
  }

  public void flushDeferred() {
    List<Pending> list = deferred;
    deferred = null;
    if (list != null) {
      list.forEach(p -> deliver(p.account, p.eventJson));
    }
  }

  // --------------------------------------------------------------- delivery

  public void publish(String account, String eventJson) {
    if (deferred != null) {
      deferred.add(new Pending(account, eventJson));
      return;
    }
    deliver(account, eventJson);
  }

  private void deliver(String account, String eventJson) {
    if (faults.paused()) {
      faults.countDroppedWhilePaused();
      return;
    }
    if (faults.takeDroppedReport(eventJson)) {
      return; // lost on a healthy connection: nothing tells the client
    }
    if (faults.reorderPending() > 0) {
      reorderBuffer.add(new Pending(account, eventJson));
      if (faults.takeReorder() == 0) {
        flushReordered();
      } else if (reorderTimer < 0) {
        reorderTimer = vertx.setTimer(REORDER_FLUSH_MS, t -> {
          reorderTimer = -1;
          flushReordered();
        });
      }
      return;
    }
    send(account, eventJson);
  }

  private void flushReordered() {
    if (reorderTimer >= 0) {
      vertx.cancelTimer(reorderTimer);
      reorderTimer = -1;
    }
    List<Pending> list = new ArrayList<>(reorderBuffer);
    reorderBuffer.clear();
    for (int i = list.size() - 1; i >= 0; i--) {
      send(list.get(i).account, list.get(i).eventJson);
    }
  }

  /** Writes the event to the account's subscriptions; only events that reach a subscription count for faults. */
  private void send(String account, String eventJson) {
    List<Subscription> subs = byAccount.get(account);
    if (subs == null || subs.isEmpty()) {
      return;
    }
    boolean twice = faults.takeDuplicate();
    for (Subscription s : subs) {
      s.sink().sendEvent(s.id(), eventJson);
      if (twice) {
        s.sink().sendEvent(s.id(), eventJson);
      }
    }
    delivered++;
    if (faults.countDeliveredAndCheckDrop()) {
      dropAll.run();
    }
  }
}
