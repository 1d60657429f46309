package dev.ordertracker.simulator.impl;

import dev.ordertracker.simulator.SimulatorOptions;
import dev.ordertracker.simulator.SymbolOptions;
import dev.ordertracker.simulator.account.AccountRegistry;
import dev.ordertracker.simulator.admin.AdminApi;
import dev.ordertracker.simulator.admin.AdminTarget;
import io.vertx.core.Context;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import dev.ordertracker.simulator.SimulatedOrder;
import dev.ordertracker.simulator.SimulatedTrade;
import dev.ordertracker.simulator.api.ExchangeApi;
import dev.ordertracker.simulator.api.RequestAuthenticator;
import dev.ordertracker.simulator.api.RequestWeight;
import dev.ordertracker.simulator.autotrader.AutoTrader;
import dev.ordertracker.simulator.faults.FaultInjector;
import dev.ordertracker.simulator.faults.FaultState;
import dev.ordertracker.simulator.faults.FaultTarget;
import dev.ordertracker.simulator.feed.ScriptedFeed;
import dev.ordertracker.simulator.matching.MatchingEngine;
import dev.ordertracker.simulator.matching.PriceWalk;
import dev.ordertracker.simulator.matching.SymbolBook;
import dev.ordertracker.simulator.matching.SymbolSpec;
import dev.ordertracker.simulator.rest.RestApi;
import dev.ordertracker.simulator.stream.Subscription;
import dev.ordertracker.simulator.stream.UserDataHub;
import dev.ordertracker.simulator.ws.WsApiDispatcher;
import dev.ordertracker.simulator.ws.WsApiServer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The simulator's verticle: builds the engine, accounts, APIs and server on its own context and owns all of their
 * state. Everything else reaches it through {@code context.runOnContext}.
 */
final class SimulatorCore extends VerticleBase implements FaultTarget, AdminTarget {

  private final SimulatorOptions options;
  private final TruthView truth;
  private FaultState faultState;
  private FaultInjector faultInjector;
  private AccountRegistry accounts;
  private ExchangeApi exchangeApi;
  private MatchingEngine engine;
  private UserDataHub hub;
  private WsApiServer wsServer;
  private HttpServer server;
  private AutoTrader autoTrader;
  private long walkTimer = -1;
  private long feedSequence;

  SimulatorCore(SimulatorOptions options, TruthView truth) {
    this.options = options;
    this.truth = truth;
  }

  @Override
  public Future<?> start() {
    faultState = new FaultState();
    faultInjector = new FaultInjector(context, faultState, this);
    accounts = new AccountRegistry(options.effectiveAccounts());
    hub = new UserDataHub(vertx, faultState, this::dropAllConnections, truth::update);
    Random random = new Random(options.getSeed());
    List<SymbolBook> books = new ArrayList<>();
    for (SymbolOptions s : options.getSymbols()) {
      books.add(new SymbolBook(SymbolSpec.of(s), s.getPrice()));
      truth.price(s.getSymbol(), s.getPrice());
    }
    engine = new MatchingEngine(books, hub, options.getCommissionRate(),
        options.getForgetFinishedMarketOrdersAfterMs(), System::currentTimeMillis, random, options.isBookMatching(),
        dev.ordertracker.simulator.matching.StpMode.valueOf(options.getDefaultSelfTradePreventionMode()));
    RequestWeight requestWeight = new RequestWeight(options.getRequestWeightPerMinute(),
        options.getConnectionsPerFiveMinutes());
    ExchangeApi exchange = new ExchangeApi(engine, options.getRequestWeightPerMinute());
    exchangeApi = exchange;
    RequestAuthenticator authenticator = new RequestAuthenticator(accounts);
    WsApiDispatcher dispatcher = new WsApiDispatcher(exchange, authenticator, hub, faultState,
        options.isStreamBeforeResponse(), requestWeight);
    wsServer = new WsApiServer(vertx, options, dispatcher, hub, faultState, requestWeight);
    Router router = Router.router(vertx);
    new RestApi(exchange, authenticator, hub, faultState, options.isStreamBeforeResponse(), requestWeight)
        .mount(vertx, router);
    if (options.isAdminEnabled()) {
      new AdminApi(faultInjector, this).mount(router);
    }
    server = vertx.createHttpServer(new HttpServerOptions().setHost(options.getHost()).setPort(options.getPort())
        .setMaxWebSocketFrameSize(1 << 20).setMaxWebSocketMessageSize(16 << 20).setTcpNoDelay(true))
        .webSocketHandshakeHandler(wsServer::handshake)
        .webSocketHandler(wsServer::connected)
        .requestHandler(router);
    return server.listen().onSuccess(s -> {
      if (options.getPriceWalkIntervalMs() > 0) {
        PriceWalk walk = new PriceWalk(engine, new Random(options.getSeed() + 1));
        walkTimer = vertx.setPeriodic(options.getPriceWalkIntervalMs(), t -> {
          walk.step();
          publishPrices();
        });
      }
      if (options.getAutoTrader().isEnabled()) {
        autoTrader = new AutoTrader(vertx, engine, accounts.byName(options.getAutoTrader().getAccount()).orElseThrow(),
            options.getAutoTrader(), new Random(options.getSeed() + 2));
        autoTrader.start();
      }
    });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(walkTimer);
    if (autoTrader != null) {
      autoTrader.stop();
    }
    wsServer.closeAll();
    return server.close();
  }

  int actualPort() {
    return server.actualPort();
  }

  FaultInjector faultInjector() {
    return faultInjector;
  }

  // --------------------------------------------------------------- operations (on this context only)

  Context ctx() {
    return context;
  }

  @Override
  public void setPrice(String symbol, BigDecimal price) {
    engine.setPrice(symbol, price);
    publishPrices();
  }

  private void publishPrices() {
    for (SymbolBook b : engine.books()) {
      truth.price(b.spec().symbol(), b.referencePrice());
    }
  }

  @Override
  public void deposit(String account, String asset, BigDecimal amount) {
    dev.ordertracker.simulator.account.Account a = accounts.byName(account)
        .orElseThrow(() -> new IllegalArgumentException("unknown account " + account));
    if (a.balances().free(asset).add(amount).signum() < 0) {
      throw new IllegalArgumentException("free " + asset + " balance would become negative");
    }
    long now = System.currentTimeMillis();
    a.balances().credit(asset, amount);
    hub.publish(account, dev.ordertracker.simulator.wire.EventEncoder.balanceUpdate(asset, amount, now).encode());
    hub.onBalancesChanged(a, List.of(asset), now);
  }

  @Override
  public JsonObject prices() {
    JsonObject p = new JsonObject();
    engine.books().forEach(b -> p.put(b.spec().symbol(), b.referencePrice().toPlainString()));
    return p;
  }

  @Override
  public JsonArray orders() {
    JsonArray a = new JsonArray();
    for (SimulatedOrder o : truth.all()) {
      JsonArray trades = new JsonArray();
      for (SimulatedTrade t : o.trades()) {
        trades.add(new JsonObject().put("id", t.id()).put("qty", t.qty().toPlainString())
            .put("price", t.price().toPlainString()).put("quoteQty", t.quoteQty().toPlainString())
            .put("commission", t.commission().toPlainString()).put("commissionAsset", t.commissionAsset())
            .put("maker", t.maker()).put("time", t.time()));
      }
      a.add(new JsonObject().put("account", o.account()).put("symbol", o.symbol()).put("orderId", o.orderId())
          .put("clientOrderId", o.clientOrderId()).put("side", o.side()).put("type", o.type())
          .put("timeInForce", o.timeInForce()).put("origQty", o.origQty().toPlainString())
          .put("price", o.price().toPlainString()).put("status", o.status())
          .put("executedQty", o.executedQty().toPlainString())
          .put("cummulativeQuoteQty", o.cummulativeQuoteQty().toPlainString()).put("trades", trades));
    }
    return a;
  }

  @Override
  public Future<Long> pushScripted(String account, long count, int framesPerSecond) {
    return pushScripted(account, count, framesPerSecond, null);
  }

  Future<Long> pushScripted(String account, long count, int framesPerSecond, long[] writeNanos) {
    if (accounts.byName(account).isEmpty()) {
      return Future.failedFuture(new IllegalArgumentException("unknown account " + account));
    }
    if (writeNanos != null && hub.subscriptions(account).size() != 1) {
      return Future.failedFuture(new IllegalArgumentException("write times need exactly one subscription of "
          + account + ", found " + hub.subscriptions(account).size()));
    }
    SymbolSpec spec = engine.books().iterator().next().spec();
    List<Future<Long>> feeds = new ArrayList<>();
    for (Subscription s : new ArrayList<>(hub.subscriptions(account))) {
      feeds.add(new ScriptedFeed(context, s.sink(), s.id(), spec.symbol(), spec.baseAsset(), count, feedSequence,
          framesPerSecond, writeNanos)
          .start());
    }
    feedSequence += count + (3 - count % 3);
    return Future.all(feeds).map(cf -> {
      long total = 0;
      for (int i = 0; i < cf.size(); i++) {
        total += cf.<Long>resultAt(i);
      }
      return total;
    });
  }

  @Override
  public int connectionCount() {
    return wsServer.connectionCount();
  }

  List<String> symbols() {
    List<String> out = new ArrayList<>();
    engine.books().forEach(b -> out.add(b.spec().symbol()));
    return out;
  }

  TruthView truth() {
    return truth;
  }

  // --------------------------------------------------------------- FaultTarget

  @Override
  public void dropAllConnections() {
    wsServer.dropAll();
  }

  @Override
  public void broadcastServerShutdown() {
    wsServer.broadcastServerShutdown();
  }

  @Override
  public boolean injectEvent(String account, JsonObject event) {
    if (accounts.byName(account).isEmpty()) {
      return false;
    }
    hub.publish(account, event.encode());
    return true;
  }

  @Override
  public JsonObject placeElsewhere(String account, JsonObject params) {
    dev.ordertracker.simulator.account.Account a = accounts.byName(account)
        .orElseThrow(() -> new IllegalArgumentException("unknown account " + account));
    JsonObject p = params.copy().put("newOrderRespType", params.getString("newOrderRespType", "FULL"));
    return exchangeApi.placeOrder(a, dev.ordertracker.simulator.api.RequestParams.of(p));
  }

  @Override
  public boolean terminateStreams(String account) {
    return accounts.byName(account).isPresent() && wsServer.terminateStreams(account);
  }
}
