package dev.ordertracker.binance.feed;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.UpdateOutcome;
import dev.ordertracker.binance.codec.AccountEvents;
import dev.ordertracker.binance.codec.BalanceUpdate;
import dev.ordertracker.binance.codec.EventStreamTerminated;
import dev.ordertracker.binance.codec.ExecutionReport;
import dev.ordertracker.binance.codec.ExternalLockUpdate;
import dev.ordertracker.binance.codec.FrameDecodeException;
import dev.ordertracker.binance.codec.ListReports;
import dev.ordertracker.binance.codec.ListStatus;
import dev.ordertracker.binance.codec.OrderUpdates;
import dev.ordertracker.binance.codec.OutboundAccountPosition;
import dev.ordertracker.binance.codec.ServerShutdown;
import dev.ordertracker.binance.codec.UnknownValue;
import dev.ordertracker.binance.codec.UserDataDecoder;
import dev.ordertracker.binance.codec.UserDataFrame;
import dev.ordertracker.binance.codec.UserDataListener;
import dev.ordertracker.binance.dedup.ExecutionDeduplicator;
import dev.ordertracker.binance.metrics.AdapterMetrics;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * What happens to one user-data frame, in a fixed order: decode (bad frames: logged truncated, counted, skipped)
 * → one dispatch by event type ({@link UserDataListener}) → account from the subscription id → edge dedup (execution id; order + trade id) → unknown enum values counted
 * (logged once per value) → executionReport to {@link OrderUpdate} → tracker (a report whose status is unknown
 * waits for reconciliation); listStatus → the tracker's list view ({@code applyListUpdate}) and, like the other
 * account events, {@code <prefix>.account.<account>}; serverShutdown and eventStreamTerminated → the connection
 * owner. Used by the verticle and by the replay tool.
 *
 * <p>Runs on one context (the verticle's); not thread-safe.
 */
public final class StreamProcessor {
  private static final System.Logger LOG = System.getLogger(StreamProcessor.class.getName());
  private static final int LOG_EXCERPT = 200;
  /** Distinct unknown enum values logged; beyond this they are only counted (a hostile stream cannot flood). */
  private static final int MAX_LOGGED_UNKNOWN = 64;

  /** The connection owner's reactions to control events. */
  public interface Control {
    void serverShutdown(Object source);

    void streamTerminated(Object source, String account);
  }

  private final UserDataDecoder decoder;
  private final ExecutionDeduplicator dedup;
  private final TrackerFeed feed;
  private final EventBus eventBus;
  private final Addresses addresses;
  private final AdapterMetrics metrics;
  private final Control control;
  private final Map<String, Map<String, Long>> lastTradeIds = new HashMap<>();
  private final boolean answerAll;
  private final Set<UnknownValue> loggedUnknown = new HashSet<>();
  private final Events events = new Events();

  public StreamProcessor(UserDataDecoder decoder, ExecutionDeduplicator dedup, TrackerFeed feed, EventBus eventBus,
                         Addresses addresses, AdapterMetrics metrics, Control control) {
    this(decoder, dedup, feed, eventBus, addresses, metrics, control, false);
  }

  /** @param answerAll ask the tracker to answer every update (the replay tool counts outcomes) */
  public StreamProcessor(UserDataDecoder decoder, ExecutionDeduplicator dedup, TrackerFeed feed, EventBus eventBus,
                         Addresses addresses, AdapterMetrics metrics, Control control, boolean answerAll) {
    this.answerAll = answerAll;
    this.decoder = decoder;
    this.dedup = dedup;
    this.feed = feed;
    this.eventBus = eventBus;
    this.addresses = addresses;
    this.metrics = metrics;
    this.control = control;
  }

  /**
   * Handles one frame.
   *
   * @param accountOf subscription id → account name (null when unknown); called with
   *                  {@link UserDataFrame#NO_SUBSCRIPTION} for bare events
   * @return the tracker's answer for an order update when every update is answered (replay), else null: stream
   *     updates go to {@link TrackerFeed#stream} (batched, answered per batch)
   */
  public Future<UpdateOutcome> handle(Object source, String text, long receivedNanos, LongFunction<String> accountOf) {
    metrics.frame();
    UserDataFrame frame;
    try {
      frame = decoder.decode(text);
    } catch (FrameDecodeException e) {
      metrics.decodeError(e.kind());
      LOG.log(System.Logger.Level.WARNING, () -> "bad frame skipped (" + e.kind() + ": " + e.getMessage() + "): "
          + UserDataDecoder.excerpt(text, LOG_EXCERPT));
      return null;
    }
    return frame.dispatch(events, new Frame(source, frame.subscriptionId(), accountOf, receivedNanos, text));
  }

  /** What is known of a frame besides its event: the connection, the subscription, when it arrived, its text. */
  private record Frame(Object source, long subscriptionId, LongFunction<String> accountOf, long receivedNanos,
                       String text) {
  }

  /** The account of the frame's subscription, or null (counted, logged, the event skipped). */
  private String account(Frame f) {
    String account = f.accountOf().apply(f.subscriptionId());
    if (account == null) {
      metrics.invalidReport();
      LOG.log(System.Logger.Level.WARNING, () -> "event for unknown subscription " + f.subscriptionId()
          + " skipped: " + UserDataDecoder.excerpt(f.text(), LOG_EXCERPT));
    }
    return account;
  }

  private void publishAccountEvent(String account, JsonObject json) {
    metrics.accountEvent();
    eventBus.publish(addresses.account(account), json);
  }

  /**
   * Each event type's handling, reached by one dispatch per frame: an executionReport goes to the tracker, a list
   * report to the tracker's list view and the account address, account events to the account address, control
   * events to the connection owner. Every event but serverShutdown needs its subscription's account.
   */
  private final class Events implements UserDataListener<Frame, Future<UpdateOutcome>> {
    @Override
    public Future<UpdateOutcome> executionReport(ExecutionReport report, Frame f) {
      String account = account(f);
      return account == null ? null : StreamProcessor.this.executionReport(report, account, f.receivedNanos(),
          f.text());
    }

    @Override
    public Future<UpdateOutcome> listStatus(ListStatus list, Frame f) {
      String account = account(f);
      if (account != null) {
        StreamProcessor.this.listStatus(list, account);
        publishAccountEvent(account, AccountEvents.listStatus(list, account));
      }
      return null;
    }

    @Override
    public Future<UpdateOutcome> accountPosition(OutboundAccountPosition position, Frame f) {
      String account = account(f);
      if (account != null) {
        publishAccountEvent(account, AccountEvents.accountPosition(position, account));
      }
      return null;
    }

    @Override
    public Future<UpdateOutcome> balanceUpdate(BalanceUpdate update, Frame f) {
      String account = account(f);
      if (account != null) {
        publishAccountEvent(account, AccountEvents.balanceUpdate(update, account));
      }
      return null;
    }

    @Override
    public Future<UpdateOutcome> externalLockUpdate(ExternalLockUpdate update, Frame f) {
      String account = account(f);
      if (account != null) {
        publishAccountEvent(account, AccountEvents.externalLockUpdate(update, account));
      }
      return null;
    }

    @Override
    public Future<UpdateOutcome> streamTerminated(EventStreamTerminated terminated, Frame f) {
      String account = account(f);
      if (account != null) {
        publishAccountEvent(account, AccountEvents.streamTerminated(terminated, account));
        control.streamTerminated(f.source(), account);
      }
      return null;
    }

    @Override
    public Future<UpdateOutcome> serverShutdown(ServerShutdown shutdown, Frame f) {
      control.serverShutdown(f.source());
      return null;
    }
  }

  private Future<UpdateOutcome> executionReport(ExecutionReport r, String account, long receivedNanos, String text) {
    if (!dedup.firstSeen(account, r)) {
      metrics.duplicateDropped();
      return null;
    }
    if (r.isTrade()) {
      lastTradeIds.computeIfAbsent(account, a -> new HashMap<>()).merge(r.symbol(), r.tradeId(), Math::max);
    }
    if (!r.unknownValues().isEmpty()) {
      unknownValues(r);
    }
    OrderUpdate update;
    try {
      update = OrderUpdates.from(r, account);
    } catch (IllegalArgumentException e) {
      metrics.invalidReport();
      LOG.log(System.Logger.Level.WARNING, () -> "executionReport refused (" + e.getMessage() + "): "
          + UserDataDecoder.excerpt(text, LOG_EXCERPT));
      return null;
    }
    if (update == null) {
      return null;
    }
    metrics.updateSent();
    if (!answerAll) {
      feed.stream(update, receivedNanos);
      return null;
    }
    return feed.apply(update).andThen(ar -> {
      metrics.latencyNanos(System.nanoTime() - receivedNanos);
      if (ar.failed()) {
        metrics.updateFailed();
        LOG.log(System.Logger.Level.WARNING, () -> "tracker refused update " + update.key() + " "
            + update.status() + ": " + ar.cause().getMessage());
      }
    });
  }

  /** Counts every unknown value by kind and logs each distinct one once (bounded). */
  private void unknownValues(ExecutionReport r) {
    for (UnknownValue u : r.unknownValues()) {
      metrics.unknownValue(u.kind());
      if (loggedUnknown.size() < MAX_LOGGED_UNKNOWN && loggedUnknown.add(u)) {
        boolean waits = u.kind() == UnknownValue.Kind.ORDER_STATUS;
        LOG.log(System.Logger.Level.WARNING, () -> "Binance sent " + u.kind() + " '" + u.value()
            + "' which this version does not know (first seen on " + r.symbol() + "/" + r.orderId() + "); "
            + (waits ? "such reports are skipped and the order is repaired by reconciliation"
                : "the report is applied from the fields that can be read") + ". Logged once per value.");
      }
    }
  }

  /** A list report to the tracker's list view; the stream's pending order updates go first. */
  private void listStatus(ListStatus list, String account) {
    feed.flush();
    feed.tracker().applyListUpdate(ListReports.from(list, account)).onFailure(e -> {
      metrics.updateFailed();
      LOG.log(System.Logger.Level.WARNING, () -> "tracker refused list report " + list.symbol() + "/"
          + list.orderListId() + ": " + e.getMessage());
    });
  }

  /** The highest trade id seen on the stream per symbol of {@code account} (a reconciliation paging hint). */
  public Map<String, Long> lastTradeIds(String account) {
    return lastTradeIds.getOrDefault(account, Map.of());
  }

  public UserDataDecoder decoder() {
    return decoder;
  }
}
