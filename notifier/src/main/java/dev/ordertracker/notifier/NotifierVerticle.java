package dev.ordertracker.notifier;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.notifier.rule.Alert;
import dev.ordertracker.notifier.rule.Rule;
import dev.ordertracker.notifier.rule.RuleEvaluator;
import dev.ordertracker.notifier.rule.RuleKind;
import dev.ordertracker.notifier.sink.DeliveryQueue;
import dev.ordertracker.notifier.sink.Notification;
import dev.ordertracker.notifier.sink.SinkOptions;
import dev.ordertracker.notifier.sink.Transport;
import dev.ordertracker.notifier.template.AlertText;
import dev.ordertracker.notifier.template.MessageTemplate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.backends.BackendRegistries;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Notifications and alert triggers: consumes the tracker's order events ({@code <prefix>.events.*}) and the
 * adapter's account events ({@code <prefix>.account.<name>}), evaluates the configured rules
 * ({@link RuleEvaluator}, time from an injected {@link Clock}, time conditions on a periodic tick) and hands each
 * alert, rendered by its template, to the rule's sinks ({@link DeliveryQueue}: bounded, retried, metered).
 *
 * <p>It only listens: a notifier that fails, is slow or is not deployed changes nothing for the tracker. A malformed
 * event is counted and skipped. Everything here runs on this verticle's context (one thread): plain maps, no locks.
 *
 * <p>Meters (Vert.x's default registry when there is one): {@code notifier_alerts_total{rule}},
 * {@code notifier_events_total{outcome=evaluated|invalid}}, and per sink {@code notifier_deliveries_total{sink,
 * type, outcome}}, {@code notifier_queue_size{sink, type}}.
 */
public final class NotifierVerticle extends VerticleBase {
  private static final System.Logger LOG = System.getLogger(NotifierVerticle.class.getName());

  private final NotifierOptions given;
  private final MeterRegistry givenRegistry;
  private final Clock clock;

  private NotifierOptions options;
  private RuleEvaluator evaluator;
  private final Map<String, DeliveryQueue> queues = new LinkedHashMap<>();
  private final Map<String, MessageTemplate> templates = new HashMap<>();
  private final Map<String, List<DeliveryQueue>> targets = new HashMap<>();
  private final Map<String, Counter> alertCounters = new HashMap<>();
  private final Map<String, MessageConsumer<JsonObject>> accountConsumers = new HashMap<>();
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
  private Counter evaluated;
  private Counter invalid;
  private long tickTimer = -1;
  private boolean watchAccounts;

  /** Options from the deployment's config JSON. */
  public NotifierVerticle() {
    this(null, null, Clock.systemUTC());
  }

  /** Typed options (they keep their secrets; the config JSON path would need them in clear text). */
  public NotifierVerticle(NotifierOptions options) {
    this(options, null, Clock.systemUTC());
  }

  /**
   * @param options  null: read the deployment's config JSON
   * @param registry null: Vert.x's default registry, else a private one
   * @param clock    the time of events and ticks (tests drive it)
   */
  public NotifierVerticle(NotifierOptions options, MeterRegistry registry, Clock clock) {
    this.given = options;
    this.givenRegistry = registry;
    this.clock = java.util.Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Future<?> start() {
    try {
      options = (given != null ? given : new NotifierOptions(config())).validate();
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new IllegalArgumentException("notifier config: " + e.getMessage()));
    }
    MeterRegistry registry = registry();
    evaluated = Counter.builder("notifier_events").tag("outcome", "evaluated").register(registry);
    invalid = Counter.builder("notifier_events").tag("outcome", "invalid").register(registry);
    for (SinkOptions s : options.getSinks()) {
      queues.put(s.getName(), new DeliveryQueue(vertx, s, Transport.create(vertx, s), registry));
    }
    boolean timed = false;
    for (Rule rule : options.getRules()) {
      templates.put(rule.name(), rule.template() == null ? null : MessageTemplate.parse(rule.template()));
      List<DeliveryQueue> to = new ArrayList<>();
      for (String name : rule.sinks() == null ? queues.keySet() : rule.sinks()) {
        to.add(queues.get(name));
      }
      targets.put(rule.name(), to);
      alertCounters.put(rule.name(), Counter.builder("notifier_alerts").description("Alerts raised, per rule")
          .tag("rule", rule.name()).register(registry));
      timed |= rule.kind() == RuleKind.STALE_PLACED || rule.kind() == RuleKind.ACCOUNT_SILENT
          || rule.kind() == RuleKind.ERROR_BURST;
    }
    evaluator = new RuleEvaluator(options.getRules(), options.getMaxTrackedOrders());
    Addresses addresses = options.addresses();
    List<Future<Void>> registered = new ArrayList<>();
    // only the event types some rule needs: the main job's fills/errors/lost skip the bulk (PLACED, CANCELLED)
    Set<EventType> needed = EnumSet.noneOf(EventType.class);
    options.getRules().forEach(rule -> needed.addAll(rule.eventTypesNeeded()));
    for (EventType type : needed) {
      MessageConsumer<JsonObject> c = vertx.eventBus().consumer(addresses.event(type), this::onOrderEvent);
      consumers.add(c);
      registered.add(c.completion());
    }
    // account events only matter to account_silent rules (they show an account alive)
    watchAccounts = options.getRules().stream().anyMatch(r -> r.kind() == RuleKind.ACCOUNT_SILENT);
    for (String account : watchAccounts ? options.getAccounts() : List.<String>of()) {
      registered.add(watchAccount(account));
    }
    if (timed) {
      tickTimer = vertx.setPeriodic(options.getTickIntervalMs(), t -> tick());
    }
    return Future.all(registered).onSuccess(v -> LOG.log(System.Logger.Level.INFO, () -> "notifier started: "
        + options.getRules().size() + " rule(s), sinks " + queues.keySet()));
  }

  private MeterRegistry registry() {
    if (givenRegistry != null) {
      return givenRegistry;
    }
    MeterRegistry r = BackendRegistries.getDefaultNow();
    return r != null ? r : new SimpleMeterRegistry();
  }

  private void onOrderEvent(Message<JsonObject> message) {
    OrderEvent event;
    try {
      event = OrderEvent.fromJson(message.body());
    } catch (RuntimeException e) {
      invalid.increment();
      LOG.log(System.Logger.Level.WARNING, () -> "order event skipped (" + e.getMessage() + ")");
      return;
    }
    evaluated.increment();
    if (event.account() != null && watchAccounts) {
      watchAccount(event.account());
    }
    List<Alert> alerts;
    try {
      alerts = evaluator.onOrderEvent(event, clock.instant());
    } catch (RuntimeException e) {
      // a defect here must not turn into an exception on the event bus (nor stop the next events)
      invalid.increment();
      LOG.log(System.Logger.Level.ERROR, () -> "rules failed on event " + event.sequence() + ": " + e, e);
      return;
    }
    dispatch(alerts);
  }

  private void tick() {
    List<Alert> alerts;
    try {
      alerts = evaluator.onTick(clock.instant());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, () -> "time conditions failed: " + e, e);
      return;
    }
    dispatch(alerts);
  }

  /** Subscribes to the account's events once (bounded by max_accounts). */
  private Future<Void> watchAccount(String account) {
    if (accountConsumers.containsKey(account) || accountConsumers.size() >= options.getMaxAccounts()) {
      return Future.succeededFuture();
    }
    MessageConsumer<JsonObject> c = vertx.eventBus().consumer(options.addresses().account(account),
        m -> dispatch(evaluator.onAccountEvent(account, clock.instant())));
    accountConsumers.put(account, c);
    return c.completion();
  }

  private void dispatch(List<Alert> alerts) {
    for (Alert alert : alerts) {
      String rule = alert.rule().name();
      alertCounters.get(rule).increment();
      Notification n;
      try {
        Map<String, Object> values = AlertText.values(alert);
        MessageTemplate template = templates.get(rule);
        String text = (template != null ? template : AlertText.defaultFor(alert)).render(values);
        n = new Notification(alert, text, values);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, () -> "rule '" + rule + "': alert not rendered (" + e + ")");
        continue;
      }
      for (DeliveryQueue q : targets.get(rule)) {
        q.offer(n);
      }
    }
  }

  /** The rule evaluator (its suppressed / duplicate counts), for tests and operations. */
  public RuleEvaluator evaluator() {
    return evaluator;
  }

  /** The sink named {@code name}, for its delivery counters. */
  public DeliveryQueue sink(String name) {
    return queues.get(name);
  }

  @Override
  public Future<?> stop() {
    if (tickTimer >= 0) {
      vertx.cancelTimer(tickTimer);
    }
    List<Future<Void>> closing = new ArrayList<>();
    consumers.forEach(c -> closing.add(c.unregister()));
    accountConsumers.values().forEach(c -> closing.add(c.unregister()));
    queues.values().forEach(q -> closing.add(q.close()));
    return Future.join(closing);
  }
}
