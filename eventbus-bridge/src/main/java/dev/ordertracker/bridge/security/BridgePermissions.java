package dev.ordertracker.bridge.security;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.Fields;
import dev.ordertracker.api.store.OrderHistory;
import dev.ordertracker.api.store.StoreFields;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The bridges' whole permission policy, in one place. Deny by default:
 * <ul>
 *   <li>outbound (server to client): {@code <prefix>.events.*} and {@code <prefix>.account.*} only;</li>
 *   <li>inbound (client to server): {@code send} to {@code <prefix>.tracker} only, with a read action
 *   ({@link TrackerActions#READS}); mutations only when a mutation role is configured and the token has it;
 *   {@code send} to the history service {@code <prefix>.history} with its read actions
 *   ({@link TrackerActions#HISTORY_READS}: the dashboard's gapless catch-up); never {@code publish};</li>
 *   <li>the token's accounts/symbols claims restrict which events a client receives and which orders it may
 *   query (request parameters here, answers in {@link #filterReply}).</li>
 * </ul>
 * The SockJS bridge's options come from these lists and the TCP bridge ({@code tcp.TcpBridgeServer}) asks the
 * same {@link #check}, so the two cannot drift apart. Stateless and immutable: any thread may use it.
 */
public final class BridgePermissions {
  private final Addresses addresses;
  private final String mutationRole;
  private final List<PermittedOptions> inbound;
  private final List<PermittedOptions> outbound;
  private final Pattern eventAddress;
  private final Pattern accountAddress;
  private final String accountPrefix;
  private final String historyAddress;
  private final int maxPageSize;

  /**
   * @param mutationRole the role a token needs for mutations; null disables mutations through the bridge
   * @param maxPageSize  the largest {@code limit} of a list read ({@link TrackerActions#PAGED_READS})
   */
  public BridgePermissions(Addresses addresses, String mutationRole, int maxPageSize) {
    this.addresses = addresses;
    this.mutationRole = mutationRole;
    this.maxPageSize = maxPageSize;
    this.historyAddress = OrderHistory.address(addresses);
    this.inbound = List.of(new PermittedOptions().setAddress(addresses.tracker()),
        new PermittedOptions().setAddress(historyAddress));
    this.outbound = List.of(new PermittedOptions().setAddressRegex(addresses.eventsRegex()),
        new PermittedOptions().setAddressRegex(addresses.accountsRegex()));
    this.eventAddress = Pattern.compile(addresses.eventsRegex());
    this.accountAddress = Pattern.compile(addresses.accountsRegex());
    this.accountPrefix = addresses.account("");
  }

  public Addresses addresses() {
    return addresses;
  }

  public boolean mutationsEnabled() {
    return mutationRole != null;
  }

  /** Options for vertx-web's SockJS bridge: these permissions plus the per-socket limits. */
  public SockJSBridgeOptions sockJsOptions(int maxHandlersPerSocket, long pingTimeoutMs, long replyTimeoutMs) {
    SockJSBridgeOptions options = new SockJSBridgeOptions()
        .setMaxHandlersPerSocket(maxHandlersPerSocket)
        .setPingTimeout(pingTimeoutMs)
        .setReplyTimeout(replyTimeoutMs);
    inbound.forEach(p -> options.addInboundPermitted(new PermittedOptions(p)));
    outbound.forEach(p -> options.addOutboundPermitted(new PermittedOptions(p)));
    return options;
  }

  public boolean isEventAddress(String address) {
    return address != null && eventAddress.matcher(address).matches();
  }

  public boolean permitsOutbound(String address) {
    return address != null && (eventAddress.matcher(address).matches() || accountAddress.matcher(address).matches());
  }

  public boolean permitsInbound(String address) {
    return addresses.tracker().equals(address) || historyAddress.equals(address);
  }

  /**
   * Decides a client frame once its claims are known.
   *
   * @param kind    REGISTER, UNREGISTER, SEND or PUBLISH
   * @param headers the frame's headers without the token (may be null)
   * @param body    the frame's body (may be null)
   * @return null when allowed, otherwise the refusal code
   */
  public BridgeErrorCode check(BridgeEventType kind, String address, JsonObject headers, Object body,
                               ClientClaims claims) {
    switch (kind) {
      case REGISTER:
      case UNREGISTER:
        if (!permitsOutbound(address)) {
          return BridgeErrorCode.ACCESS_DENIED;
        }
        if (address.startsWith(accountPrefix) && !claims.permitsAccount(address.substring(accountPrefix.length()))) {
          return BridgeErrorCode.FORBIDDEN_ACCOUNT;
        }
        return null;
      case SEND:
        if (!permitsInbound(address)) {
          return BridgeErrorCode.ACCESS_DENIED;
        }
        return historyAddress.equals(address) ? checkHistoryAction(headers, body, claims)
            : checkAction(headers, body, claims);
      default:
        // publish (and anything else) from a client: events come from the tracker only
        return BridgeErrorCode.ACCESS_DENIED;
    }
  }

  private BridgeErrorCode checkAction(JsonObject headers, Object body, ClientClaims claims) {
    Object action = headers == null ? null : headers.getValue(TrackerActions.HEADER_ACTION);
    if (!(action instanceof String)) {
      return BridgeErrorCode.UNKNOWN_ACTION;
    }
    JsonObject params = body instanceof JsonObject ? (JsonObject) body : new JsonObject();
    if (TrackerActions.READS.contains(action)) {
      Object symbol = params.getValue(TrackerActions.PARAM_SYMBOL);
      if (symbol instanceof String && !claims.permitsSymbol((String) symbol)) {
        return BridgeErrorCode.FORBIDDEN_SYMBOL;
      }
      String sizeParam = TrackerActions.PAGED_READS.get(action);
      if (sizeParam != null && !validPageSize(params.getValue(sizeParam))) {
        return BridgeErrorCode.LIMIT_INVALID;
      }
      if (TrackerActions.GET_STATS.equals(action) && claims.restricted()) {
        // the tracker's counters are global: a scoped client gets none rather than other accounts' figures
        return BridgeErrorCode.SCOPE_REQUIRED;
      }
      return null;
    }
    if (TrackerActions.MUTATIONS.contains(action)) {
      if (mutationRole == null || !claims.hasRole(mutationRole)) {
        return BridgeErrorCode.MUTATION_FORBIDDEN;
      }
      if (TrackerActions.CLEAR_HISTORY.equals(action)) {
        // clearing history touches every account's orders
        return claims.accounts() == null && claims.symbols() == null ? null : BridgeErrorCode.FORBIDDEN_ACCOUNT;
      }
      Object order = params.getValue(TrackerActions.TRACK_ORDER.equals(action)
          ? TrackerActions.PARAM_ORDER : TrackerActions.PARAM_UPDATE);
      return order instanceof JsonObject ? orderVisibility((JsonObject) order, claims) : null;
    }
    return BridgeErrorCode.UNKNOWN_ACTION;
  }

  private boolean validPageSize(Object value) {
    if (!(value instanceof Integer || value instanceof Long)) {
      return false;
    }
    long size = ((Number) value).longValue();
    return size >= 1 && size <= maxPageSize;
  }

  private BridgeErrorCode checkHistoryAction(JsonObject headers, Object body, ClientClaims claims) {
    Object action = headers == null ? null : headers.getValue(TrackerActions.HEADER_ACTION);
    if (!(action instanceof String) || !TrackerActions.HISTORY_READS.contains(action)) {
      return BridgeErrorCode.UNKNOWN_ACTION;
    }
    JsonObject params = body instanceof JsonObject ? (JsonObject) body : new JsonObject();
    if (TrackerActions.EVENTS_SINCE.equals(action) && !validPageSize(params.getValue(TrackerActions.PARAM_LIMIT))) {
      return BridgeErrorCode.LIMIT_INVALID;
    }
    Object query = params.getValue(TrackerActions.PARAM_QUERY);
    if (TrackerActions.QUERY_ORDERS.equals(action) && query instanceof JsonObject
        && ((JsonObject) query).containsKey(StoreFields.PAGE_SIZE)
        && !validPageSize(((JsonObject) query).getValue(StoreFields.PAGE_SIZE))) {
      return BridgeErrorCode.LIMIT_INVALID;
    }
    if (claims.restricted() && (TrackerActions.QUERY_ORDERS.equals(action)
        || TrackerActions.AGGREGATES.equals(action))) {
      return HistoryScope.force(body, claims);
    }
    return null; // eventsSince answers are filtered by the claims in filterReply
  }

  /** May a client with {@code claims} receive an event with these (bridge-envelope) headers? */
  public boolean eventVisible(JsonObject headers, ClientClaims claims) {
    if (claims == null) {
      return false;
    }
    if (claims.symbols() == null && claims.accounts() == null) {
      return true;
    }
    if (headers == null) {
      return false;
    }
    return claims.permitsSymbol(stringOrNull(headers.getValue(Fields.HEADER_SYMBOL)))
        && claims.permitsAccount(stringOrNull(headers.getValue(Fields.HEADER_ACCOUNT)));
  }

  /**
   * What a client may see of the tracker's answer to {@code action}: single orders of other accounts/symbols are
   * refused, lists are filtered. Answers {@link FilteredReply}.
   */
  public FilteredReply filterReply(String action, Object body, ClientClaims claims) {
    if (claims.symbols() == null && claims.accounts() == null) {
      return FilteredReply.allowed(body);
    }
    if (body instanceof JsonObject && (TrackerActions.GET_ORDER.equals(action)
        || TrackerActions.GET_ORDER_BY_CLIENT_ID.equals(action) || TrackerActions.TRACK_ORDER.equals(action))) {
      BridgeErrorCode code = orderVisibility((JsonObject) body, claims);
      return code == null ? FilteredReply.allowed(body) : FilteredReply.refused(code);
    }
    if (body instanceof JsonObject && (TrackerActions.EVENTS_SINCE.equals(action)
        || TrackerActions.QUERY_ORDERS.equals(action))) {
      String listKey = TrackerActions.EVENTS_SINCE.equals(action) ? StoreFields.EVENTS : StoreFields.ORDERS;
      JsonObject page = ((JsonObject) body).copy();
      Object list = page.getValue(listKey);
      if (list instanceof JsonArray) {
        page.put(listKey, visibleOnly((JsonArray) list, claims));
      }
      return FilteredReply.allowed(page);
    }
    if (body instanceof JsonArray) {
      return FilteredReply.allowed(visibleOnly((JsonArray) body, claims));
    }
    return FilteredReply.allowed(body);
  }

  /** The orders (or events: they carry symbol and account too) of {@code items} that the claims permit. */
  private static JsonArray visibleOnly(JsonArray items, ClientClaims claims) {
    JsonArray kept = new JsonArray();
    for (Object item : items) {
      if (item instanceof JsonObject && orderVisibility((JsonObject) item, claims) == null) {
        kept.add(item);
      }
    }
    return kept;
  }

  private static BridgeErrorCode orderVisibility(JsonObject order, ClientClaims claims) {
    if (!claims.permitsSymbol(stringOrNull(order.getValue(Fields.SYMBOL)))) {
      return BridgeErrorCode.FORBIDDEN_SYMBOL;
    }
    if (!claims.permitsAccount(stringOrNull(order.getValue(Fields.ACCOUNT)))) {
      return BridgeErrorCode.FORBIDDEN_ACCOUNT;
    }
    return null;
  }

  private static String stringOrNull(Object value) {
    return value instanceof String ? (String) value : null;
  }

  /** An answer as the client may see it, or the code that refuses it. */
  public record FilteredReply(Object body, BridgeErrorCode refusal) {
    static FilteredReply allowed(Object body) {
      return new FilteredReply(body, null);
    }

    static FilteredReply refused(BridgeErrorCode code) {
      return new FilteredReply(null, code);
    }
  }
}
