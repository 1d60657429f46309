package dev.ordertracker.core.store;

import dev.ordertracker.api.TrackerErrors;
import dev.ordertracker.api.store.AggregateQuery;
import dev.ordertracker.api.store.EventsPage;
import dev.ordertracker.api.store.OrderAggregates;
import dev.ordertracker.api.store.OrderHistoryService;
import dev.ordertracker.api.store.OrderPage;
import dev.ordertracker.api.store.OrderQuery;
import dev.ordertracker.api.store.OrderStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;

import java.util.function.Function;

/**
 * Serves {@link OrderHistoryService} from an {@link OrderStore}: decodes the JSON once into the typed queries
 * (400 with the field's name when that fails), asks the store (which reads off the event loop), encodes the answer.
 * A store failure answers 503 {@code store_unavailable} (the details are logged, never sent).
 * It holds no order state: everything comes from the store.
 */
public final class HistoryServiceEndpoint implements OrderHistoryService {
  private static final System.Logger LOG = System.getLogger(HistoryServiceEndpoint.class.getName());
  private final OrderStore store;

  public HistoryServiceEndpoint(OrderStore store) {
    this.store = store;
  }

  @Override
  public Future<JsonObject> queryOrders(JsonObject query) {
    return call(query, OrderQuery::fromJson, store::queryOrders, OrderPage::toJson);
  }

  @Override
  public Future<JsonObject> aggregates(JsonObject query) {
    return call(query, AggregateQuery::fromJson, store::aggregates, OrderAggregates::toJson);
  }

  @Override
  public Future<JsonObject> eventsSince(long afterSequence, int limit) {
    if (afterSequence < 0) {
      return Future.failedFuture(new ServiceException(TrackerErrors.BAD_REQUEST,
          "after_sequence must not be negative, was " + afterSequence));
    }
    if (limit < 1 || limit > OrderStore.MAX_EVENTS_PER_PAGE) {
      return Future.failedFuture(new ServiceException(TrackerErrors.BAD_REQUEST,
          "limit must be 1.." + OrderStore.MAX_EVENTS_PER_PAGE + ", was " + limit));
    }
    return answer(store.eventsSince(afterSequence, limit).map(EventsPage::toJson), "eventsSince");
  }

  private <Q, R> Future<JsonObject> call(JsonObject json, Function<JsonObject, Q> decode,
                                         Function<Q, Future<R>> ask, Function<R, JsonObject> encode) {
    Q query;
    try {
      query = decode.apply(json == null ? new JsonObject() : json);
    } catch (IllegalArgumentException | ClassCastException e) {
      return Future.failedFuture(new ServiceException(TrackerErrors.BAD_REQUEST, e.getMessage()));
    }
    return answer(ask.apply(query).map(encode), query.getClass().getSimpleName());
  }

  private Future<JsonObject> answer(Future<JsonObject> result, String what) {
    return result.recover(e -> {
      if (e instanceof ServiceException) {
        return Future.failedFuture(e);
      }
      // The store's text (paths, SQL, driver messages) stays in the log; a client gets the stable code only.
      LOG.log(System.Logger.Level.WARNING,
          "history " + what + " on " + store.describe() + " failed: " + e.getMessage(), e);
      return Future.failedFuture(new ServiceException(TrackerErrors.UNAVAILABLE, TrackerErrors.STORE_UNAVAILABLE));
    });
  }
}
