package dev.ordertracker.binance;

import dev.ordertracker.api.OrderKey;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.binance.clock.ServerClock;
import dev.ordertracker.binance.codec.UserDataDecoder;
import dev.ordertracker.binance.config.AccountConfig;
import dev.ordertracker.binance.config.BinanceAdapterOptions;
import dev.ordertracker.binance.config.KeyLoader;
import dev.ordertracker.binance.config.KeyType;
import dev.ordertracker.binance.dedup.ExecutionDeduplicator;
import dev.ordertracker.binance.feed.StreamProcessor;
import dev.ordertracker.binance.feed.TrackerFeed;
import dev.ordertracker.binance.metrics.AdapterMetrics;
import dev.ordertracker.binance.metrics.MicrometerAdapterMetrics;
import dev.ordertracker.binance.config.ReconcileLoopOptions;
import dev.ordertracker.binance.reconcile.ExchangeQueries;
import dev.ordertracker.binance.reconcile.ReconcileLoop;
import dev.ordertracker.binance.reconcile.ReconcileRun;
import dev.ordertracker.binance.reconcile.RetryingQueries;
import dev.ordertracker.binance.reconcile.WeightBudget;
import dev.ordertracker.binance.reconnect.ReconnectPolicy;
import dev.ordertracker.binance.signing.RequestSigner;
import dev.ordertracker.binance.signing.SignedParams;
import dev.ordertracker.binance.ws.BinanceApiException;
import dev.ordertracker.binance.ws.WsApiConnection;
import dev.ordertracker.binance.ws.WsApiQueries;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Binance user-data stream for one or more accounts, kept true to the exchange.
 *
 * <pre>
 *   WebSocket API ──frames──▶ StreamProcessor ──OrderUpdate──▶ tracker (orders.tracker[.ingest])
 *        ▲  subscribe/ping          │ account events ──▶ orders.account.&lt;account&gt;
 *        │                          │ serverShutdown / eventStreamTerminated ──▶ renew()
 *   connect ◀── ReconnectPolicy ◀── close / error / silence
 *        └── ReconcileLoop per account: a sweep every open_check_interval_ms and after every gap (with an
 *            allOrders lookback from the last time the stream was known good), in-flight checks (issue 14)
 * </pre>
 *
 * All state (connections, subscription ids, dedup memory, miss counts) lives on this verticle's context.
 * Configured by {@link BinanceAdapterOptions} (deployment config JSON). Deployment fails on bad options, unreadable
 * keys, or when the first connection or subscription fails (wrong keys: a clear error, no reconnect storm).
 */
public final class BinanceUserDataVerticle extends VerticleBase implements StreamProcessor.Control,
    WsApiConnection.Listener {
  private static final System.Logger LOG = System.getLogger(BinanceUserDataVerticle.class.getName());

  private final AdapterMetrics metrics = new AdapterMetrics();
  /** This instance's meters in the Vert.x registry, removed in stop(); null when metrics are off. */
  private MicrometerAdapterMetrics.Binding meters;
  private BinanceAdapterOptions options;
  private final Map<String, RequestSigner> signers = new LinkedHashMap<>();
  private final ServerClock clock = new ServerClock();
  private final Map<WsApiConnection, Map<Long, String>> subscriptions = new HashMap<>();
  private final Map<OrderKey, Integer> misses = new HashMap<>();
  private WebSocketClient client;
  private ReconnectPolicy policy;
  private StreamProcessor processor;
  private TrackerFeed feed;
  private WeightBudget budget;
  private WsApiConnection current;
  private MessageConsumer<Object> statusConsumer;
  private long nextConnectionId;
  private long reconnectTimer = -1;
  private long renewTimer = -1;
  private ReconcileLoop loop;
  /** Epoch ms until which the last lost connection was known good (the start of the gap), or -1. */
  private long streamGoodUntilMs = -1;
  private boolean renewing;
  private boolean stopping;
  /** Written on this verticle's context, read by tests and operations from any thread. */
  private volatile Future<Integer> lastReconciliation = Future.succeededFuture(0);
  /** Stream updates sent to the tracker and not answered yet: reading pauses above HIGH and resumes below LOW. */
  private static final int IN_FLIGHT_HIGH = 20_000;
  private static final int IN_FLIGHT_LOW = 5_000;
  private static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
  /** A connection counts as healthy (backoff reset) only after living this long. */
  private static final long STABLE_AFTER_MS = 10_000;

  @Override
  public Future<?> start() {
    try {
      options = new BinanceAdapterOptions(config()).validate();
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new IllegalArgumentException("binance adapter config: " + e.getMessage()));
    }
    List<AccountConfig> accounts = options.getAccounts();
    return vertx.executeBlocking(() -> {
      Map<String, RequestSigner> loaded = new LinkedHashMap<>();
      for (AccountConfig a : accounts) {
        loaded.put(a.name(), KeyLoader.load(a));
      }
      return loaded;
    }, false).compose(loaded -> {
      signers.putAll(loaded);
      // responses can be large (openOrders.status of thousands of orders); events are size-checked by the decoder
      client = vertx.createWebSocketClient(new WebSocketClientOptions()
          .setMaxFrameSize(MAX_RESPONSE_BYTES).setMaxMessageSize(MAX_RESPONSE_BYTES));
      policy = new ReconnectPolicy(options.getReconnectInitialDelayMs(), options.getReconnectMaxDelayMs(),
          options.getMaxConnectionsPerWindow(), options.getConnectionWindowMs(), new Random());
      feed = new TrackerFeed(vertx, options.addresses(), true, options.getRequestTimeoutMs(),
          options.getReconnectInitialDelayMs(), options.getReconnectMaxDelayMs()).metrics(metrics)
          .onBackpressure(IN_FLIGHT_HIGH, IN_FLIGHT_LOW,
              () -> subscriptions.keySet().forEach(WsApiConnection::pause),
              () -> subscriptions.keySet().forEach(WsApiConnection::resume));
      processor = new StreamProcessor(new UserDataDecoder(options.getMaxFrameChars()),
          new ExecutionDeduplicator(options.getDedupCapacity()), feed, vertx.eventBus(), options.addresses(),
          metrics, this);
      budget = new WeightBudget(vertx, options.getReconcileWeightPerMinute(), options.getReconcileConcurrency(),
          options.reconcileLoop().getMaxUsedWeightPercent(), metrics::reconcileWeight)
          .onHeld(metrics.reconcile()::weightHeld);
      loop = createLoop();
      meters = MicrometerAdapterMetrics.bindToDefaultRegistry(metrics, options.getAddressPrefix()).orElse(null);
      // /health of the bridge (and operators) ask here whether the stream is live
      statusConsumer = vertx.eventBus().consumer(options.addresses().adapterStatus(), msg -> msg.reply(status()));
      return statusConsumer.completion().compose(v -> connect(false));
    }).onSuccess(c -> LOG.log(System.Logger.Level.INFO, () -> "binance user-data stream live for "
        + signers.keySet() + " at " + options.getWsApiUrl()));
  }

  /**
   * What {@code <prefix>.adapter.status} answers: {@code connected} is true when a connection is open and every
   * configured account is subscribed on it.
   */
  private JsonObject status() {
    Map<Long, String> live = current == null || current.isClosed() ? Map.of() : subscriptions.get(current);
    Set<String> subscribed = new TreeSet<>(live == null ? List.of() : live.values());
    boolean connected = !subscribed.isEmpty() && subscribed.containsAll(signers.keySet());
    return new JsonObject()
        .put("connected", connected)
        .put("accounts", new JsonArray(new ArrayList<>(signers.keySet())))
        .put("subscribed_accounts", new JsonArray(new ArrayList<>(subscribed)))
        .put("ws_api_url", options.getWsApiUrl())
        .put("reconciliation", reconciliationStatus());
  }

  /**
   * Per account: when its last sweep succeeded ({@code last_sweep_ok}, ISO-8601, null before the first) and how long
   * ago ({@code last_sweep_age_ms}); {@code /health} shows it.
   */
  private JsonObject reconciliationStatus() {
    JsonObject out = new JsonObject();
    long now = System.currentTimeMillis();
    for (String account : signers.keySet()) {
      long ok = metrics.reconcile().lastSweepOkMs(account);
      out.put(account, new JsonObject()
          .put("last_sweep_ok", ok < 0 ? null : java.time.Instant.ofEpochMilli(ok).toString())
          .put("last_sweep_age_ms", ok < 0 ? null : now - ok)
          .put("open_check_interval_ms", options.reconcileLoop().getOpenCheckIntervalMs()));
    }
    return out;
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    if (meters != null) {
      meters.close();
    }
    if (statusConsumer != null) {
      statusConsumer.unregister();
    }
    cancel(reconnectTimer);
    cancel(renewTimer);
    if (loop != null) {
      loop.stop();
    }
    if (feed != null) {
      feed.close();
    }
    for (WsApiConnection c : new ArrayList<>(subscriptions.keySet())) {
      c.close("adapter stopped");
    }
    return client == null ? Future.succeededFuture() : client.close();
  }

  /** Counters of this adapter (frames, decode errors by kind, duplicates, reconnects, reconciliation...). */
  public AdapterMetrics metrics() {
    return metrics;
  }

  /**
   * Completes when every account had a successful sweep after the latest (re)connect, with the updates it sent
   * (tests, operations).
   */
  public Future<Integer> lastReconciliation() {
    return lastReconciliation;
  }

  // ---- connection life ----

  /** Opens a connection, syncs the clock, subscribes every account; only then does it become current. */
  private Future<WsApiConnection> connect(boolean reconnect) {
    policy.recordAttempt(System.currentTimeMillis());
    long id = ++nextConnectionId;
    return WsApiConnection.open(vertx, client, options.getWsApiUrl(), id, options.getRequestTimeoutMs(),
        options.getPingIntervalMs(), options.getPongTimeoutMs(), this)
      .compose(c -> {
        subscriptions.put(c, new HashMap<>());
        c.weightListener((used, limit) -> {
          budget.observe(used, limit);
          metrics.reconcile().usedWeight(used);
        });
        return WsApiQueries.syncClock(c, clock).compose(v -> subscribeAll(c)).map(c)
            .onFailure(e -> c.close("subscription failed"));
      })
      .onSuccess(c -> {
        WsApiConnection old = current;
        current = c;
        vertx.setTimer(STABLE_AFTER_MS, t -> {
          if (current == c && !c.isClosed()) {
            policy.recordSuccess(); // not at once: a connection dying right after subscribing must not reset it
          }
        });
        // a gap: every account is swept now, looking back from when the stream was last known good (a renewal:
        // the old connection, still open, was good until now; else the lost connection's last frame)
        long knownGood = old != null && !old.isClosed() ? System.currentTimeMillis() : streamGoodUntilMs;
        scheduleRenewal();
        if (old != null && old != c) {
          old.close("replaced by connection " + c.id()); // only now: the new subscriptions are live
        }
        if (options.isReconcileOnConnect()) {
          lastReconciliation = loop.gap(reconnect ? knownGood : -1)
              .onSuccess(n -> LOG.log(System.Logger.Level.INFO, () -> "reconciliation sent " + n + " corrections"));
          loop.start();
        } // reconcile_on_connect=false turns reconciliation off entirely, as before (stream benchmarks)
        metrics.connected(reconnect); // last: who sees the connect counted also sees its reconciliation
      })
      .onFailure(e -> {
        if (e instanceof BinanceApiException b && b.isAuthenticationError()) {
          metrics.subscriptionFailed();
        }
      });
  }

  private Future<Void> subscribeAll(WsApiConnection c) {
    Future<Void> chain = Future.succeededFuture();
    boolean logonUsed = false;
    for (Map.Entry<String, RequestSigner> e : signers.entrySet()) {
      String account = e.getKey();
      RequestSigner signer = e.getValue();
      boolean logon = options.isSessionLogon() && signer.keyType() == KeyType.ED25519 && !logonUsed;
      logonUsed |= logon;
      chain = chain.compose(v -> subscribe(c, account, signer, logon));
    }
    return chain;
  }

  private Future<Void> subscribe(WsApiConnection c, String account, RequestSigner signer, boolean logon) {
    // -1021: our clock estimate was off (a slow round trip skews it): measure again and sign anew, once
    Future<JsonObject> answer = signedSubscription(c, signer, logon).recover(e ->
        e instanceof BinanceApiException b && b.isClockError()
            ? WsApiQueries.syncClock(c, clock).compose(v -> signedSubscription(c, signer, logon))
            : Future.failedFuture(e));
    return answer.map(r -> {
      Long sub = r.getLong("subscriptionId");
      if (sub == null) {
        throw new BinanceApiException(500, 0, "subscription answer without subscriptionId");
      }
      subscriptions.get(c).put(sub, account);
      return (Void) null;
    }).recover(e -> Future.failedFuture(new IllegalStateException("subscribing account '" + account + "' (api key "
        + signer.apiKey().substring(0, Math.min(4, signer.apiKey().length())) + "…) failed: " + e.getMessage(), e)));
  }

  /** The signed request that subscribes one account: session.logon then subscribe, or subscribe.signature. */
  private Future<JsonObject> signedSubscription(WsApiConnection c, RequestSigner signer, boolean logon) {
    return logon
        ? c.requestObject("session.logon", SignedParams.wsApi(signer, clock, 0, new JsonObject()))
            .compose(r -> c.requestObject("userDataStream.subscribe", null))
        : c.requestObject("userDataStream.subscribe.signature", SignedParams.wsApi(signer, clock, 0, new JsonObject()));
  }

  private void scheduleRenewal() {
    cancel(renewTimer);
    renewTimer = vertx.setTimer(options.getMaxConnectionAgeMs(), t -> renew("connection age limit"));
  }

  /** Replaces the current connection without a gap: the new one is subscribed before the old one is closed. */
  private void renew(String why) {
    if (stopping || renewing) {
      return;
    }
    renewing = true;
    LOG.log(System.Logger.Level.INFO, () -> "renewing the user-data connection: " + why);
    connect(true).onComplete(ar -> {
      renewing = false;
      if (ar.failed()) {
        LOG.log(System.Logger.Level.WARNING, () -> "renewal failed: " + ar.cause().getMessage());
        if (current == null || current.isClosed()) {
          scheduleReconnect("renewal failed");
        }
      }
    });
  }

  private void scheduleReconnect(String why) {
    if (stopping || reconnectTimer >= 0 || renewing) {
      return;
    }
    long delay = policy.nextDelayMs(System.currentTimeMillis());
    LOG.log(System.Logger.Level.INFO, () -> "reconnecting in " + delay + " ms (" + why + ")");
    reconnectTimer = vertx.setTimer(delay, t -> {
      reconnectTimer = -1;
      connect(true).onFailure(e -> {
        LOG.log(e instanceof IllegalStateException ? System.Logger.Level.ERROR : System.Logger.Level.WARNING,
            () -> "reconnect failed: " + e.getMessage());
        if (current == null || current.isClosed()) {
          scheduleReconnect("reconnect failed");
        }
      });
    });
  }

  private void cancel(long timer) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  // ---- WsApiConnection.Listener ----

  @Override
  public void onEvent(WsApiConnection connection, String text, long receivedNanos) {
    Map<Long, String> subs = subscriptions.get(connection);
    processor.handle(connection, text, receivedNanos, sub -> subs == null ? null : subs.get(sub));
  }

  @Override
  public void onClosed(WsApiConnection connection, String reason) {
    subscriptions.remove(connection);
    if (connection == current) {
      current = null;
      streamGoodUntilMs = connection.lastActivityMs();
      LOG.log(System.Logger.Level.WARNING, () -> "user-data connection " + connection.id() + " lost: " + reason);
      scheduleReconnect(reason);
    }
  }

  // ---- StreamProcessor.Control ----

  @Override
  public void serverShutdown(Object source) {
    renew("serverShutdown");
  }

  @Override
  public void streamTerminated(Object source, String account) {
    renew("eventStreamTerminated for " + account);
  }

  // ---- reconciliation ----

  /** The continuous reconciliation (tests, operations: {@code sweepNow}). */
  public ReconcileLoop reconcileLoop() {
    return loop;
  }

  /** The account's active orders (orders without an account belong to the only account, if there is one). */
  private Future<List<TrackedOrder>> activeOrdersOf(String account) {
    boolean single = signers.size() == 1;
    // the tracker call is retried until answered (TrackerFeed)
    return feed.tracker().getActiveOrders().map(active -> {
      List<TrackedOrder> mine = new ArrayList<>();
      for (TrackedOrder o : active) {
        if (account.equals(o.account()) || single && o.account() == null) {
          mine.add(o);
        }
      }
      return mine;
    });
  }

  private ReconcileLoop createLoop() {
    ReconcileLoopOptions o = options.reconcileLoop();
    WsApiQueries ws = new WsApiQueries(() -> current, signers, clock, options.getRecvWindowMs(), budget,
        banned -> metrics.reconcile().rateLimited(banned));
    ExchangeQueries queries = new RetryingQueries(vertx, ws, o.getQueryAttempts(), o.getQueryRetryInitialDelayMs(),
        o.getQueryRetryMaxDelayMs(), new Random(), metrics.reconcile());
    ReconcileRun run = new ReconcileRun(queries, feed, metrics, options.getLostAfterMisses(), misses);
    return new ReconcileLoop(vertx, run, o, metrics.reconcile(), options.getReconnectInitialDelayMs(),
        options.getReconnectMaxDelayMs(), signers.keySet(), this::activeOrdersOf, processor::lastTradeIds);
  }
}
