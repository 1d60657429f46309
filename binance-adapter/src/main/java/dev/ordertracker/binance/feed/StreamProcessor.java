package dev.ordertracker.binance.feed;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.UpdateOutcome;
import dev.ordertracker.binance.codec.AccountEvents;
import dev.ordertracker.binance.codec.EventStreamTerminated;
import dev.ordertracker.binance.codec.ExecutionReport;
import dev.ordertracker.binance.codec.FrameDecodeException;
import dev.ordertracker.binance.codec.OrderUpdates;
import dev.ordertracker.binance.codec.ServerShutdown;
import dev.ordertracker.binance.codec.UserDataDecoder;
import dev.ordertracker.binance.codec.UserDataEvent;
import dev.ordertracker.binance.codec.UserDataFrame;
import dev.ordertracker.binance.dedup.ExecutionDeduplicator;
import dev.ordertracker.binance.metrics.AdapterMetrics;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * What happens to one user-data frame, in a fixed order: decode (bad frames: logged truncated, counted, skipped)
 * → account from the subscription id → edge dedup (execution id; order + trade id) → executionReport to
 * {@link OrderUpdate} → tracker; account events → {@code <prefix>.account.<account>}; serverShutdown and
 * eventStreamTerminated → the connection owner. Used by the verticle and by the replay tool.
 *
 * <p>Runs on one context (the verticle's); not thread-safe.
 */
public final class StreamProcessor {
  private static final System.Logger LOG = System.getLogger(StreamProcessor.class.getName());
  private static final int LOG_EXCERPT = 200;

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
    UserDataEvent event = frame.event();
    if (event instanceof ServerShutdown) {
      control.serverShutdown(source);
      return null;
    }
    String account = accountOf.apply(frame.subscriptionId());
    if (account == null) {
      metrics.invalidReport();
      LOG.log(System.Logger.Level.WARNING, () -> "event for unknown subscription " + frame.subscriptionId()
          + " skipped: " + UserDataDecoder.excerpt(text, LOG_EXCERPT));
      return null;
    }
    if (event instanceof ExecutionReport r) {
      return executionReport(r, account, receivedNanos, text);
    }
    JsonObject json = AccountEvents.toJson(event, account);
    if (json != null) {
      metrics.accountEvent();
      eventBus.publish(addresses.account(account), json);
    }
    if (event instanceof EventStreamTerminated) {
      control.streamTerminated(source, account);
    }
    return null;
  }

  private Future<UpdateOutcome> executionReport(ExecutionReport r, String account, long receivedNanos, String text) {
    if (!dedup.firstSeen(account, r)) {
      metrics.duplicateDropped();
      return null;
    }
    if (r.isTrade()) {
      lastTradeIds.computeIfAbsent(account, a -> new HashMap<>()).merge(r.symbol(), r.tradeId(), Math::max);
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

  /** The highest trade id seen on the stream per symbol of {@code account} (a reconciliation paging hint). */
  public Map<String, Long> lastTradeIds(String account) {
    return lastTradeIds.getOrDefault(account, Map.of());
  }

  public UserDataDecoder decoder() {
    return decoder;
  }
}
