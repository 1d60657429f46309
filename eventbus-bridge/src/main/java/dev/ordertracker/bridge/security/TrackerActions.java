package dev.ordertracker.bridge.security;

import java.util.Map;
import java.util.Set;

/**
 * The tracker service's actions (= OrderTrackerService method names, carried in the {@code action} header), split
 * into reads, which the bridge lets any authenticated client call, and mutations, which need mutations enabled and
 * the mutation role. The parameter names are those of the service methods (the proxy reads them by name).
 */
public final class TrackerActions {
  public static final String HEADER_ACTION = "action";

  public static final String GET_ORDER = "getOrder";
  public static final String GET_ORDER_BY_CLIENT_ID = "getOrderByClientId";
  public static final String GET_ACTIVE_ORDERS = "getActiveOrders";
  public static final String GET_COMPLETED_ORDERS = "getCompletedOrders";
  public static final String GET_STATS = "getStats";

  public static final String TRACK_ORDER = "trackOrder";
  public static final String UPDATE_ORDER_STATUS = "updateOrderStatus";
  public static final String APPLY_UPDATE = "applyUpdate";
  public static final String CLEAR_HISTORY = "clearHistory";

  /** Parameter names of the service methods. */
  public static final String PARAM_SYMBOL = "symbol";
  public static final String PARAM_ORDER = "order";
  public static final String PARAM_UPDATE = "update";
  public static final String PARAM_LIMIT = "limit";
  /** The history service's query parameter (queryOrders, aggregates). */
  public static final String PARAM_QUERY = "query";

  public static final Set<String> READS =
      Set.of(GET_ORDER, GET_ORDER_BY_CLIENT_ID, GET_ACTIVE_ORDERS, GET_COMPLETED_ORDERS, GET_STATS);
  /**
   * Reads that answer a list, with the name of their size parameter: the bridge requires it in 1..max_page_size
   * so that no bridge request makes the tracker walk its whole history. A list read added to the tracker service
   * (e.g. getOrderList) goes into {@link #READS} and here. (The history service's pages, eventsSince's limit and
   * queryOrders' page_size, have the same bound: BridgePermissions.checkHistoryAction.)
   */
  public static final Map<String, String> PAGED_READS = Map.of(GET_COMPLETED_ORDERS, PARAM_LIMIT);
  public static final Set<String> MUTATIONS = Set.of(TRACK_ORDER, UPDATE_ORDER_STATUS, APPLY_UPDATE, CLEAR_HISTORY);

  /** The history service's actions ({@code OrderHistoryService} at {@code <prefix>.history}): all reads. */
  public static final String QUERY_ORDERS = "queryOrders";
  public static final String AGGREGATES = "aggregates";
  public static final String EVENTS_SINCE = "eventsSince";
  public static final Set<String> HISTORY_READS = Set.of(QUERY_ORDERS, AGGREGATES, EVENTS_SINCE);

  private TrackerActions() {
  }
}
