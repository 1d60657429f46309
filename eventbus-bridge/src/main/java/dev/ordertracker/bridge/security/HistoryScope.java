package dev.ordertracker.bridge.security;

import dev.ordertracker.api.store.StoreFields;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * Writes a restricted client's claims into its history query ({@code queryOrders}, {@code aggregates}) before the
 * query runs, so that every figure of the answer — the {@code total} and the counts too, not only the list — is
 * computed inside the client's scope. The history filter names one account and one symbol: a query that names
 * one inside the claims is kept, a query that names none gets the claim's only value, and a client with several
 * accounts (or symbols) must name one (scope_required); one outside them is refused (forbidden_account /
 * forbidden_symbol).
 */
final class HistoryScope {
  private HistoryScope() {
  }

  /** @return null when the (possibly rewritten) query may run, otherwise the refusal */
  static BridgeErrorCode force(Object body, ClientClaims claims) {
    if (!(body instanceof JsonObject)) {
      return BridgeErrorCode.SCOPE_REQUIRED;
    }
    JsonObject params = (JsonObject) body;
    Object raw = params.getValue(TrackerActions.PARAM_QUERY);
    if (raw != null && !(raw instanceof JsonObject)) {
      return BridgeErrorCode.SCOPE_REQUIRED;
    }
    JsonObject query = raw == null ? new JsonObject() : (JsonObject) raw;
    BridgeErrorCode code = forceKey(query, StoreFields.ACCOUNT, claims.accounts(), BridgeErrorCode.FORBIDDEN_ACCOUNT);
    if (code == null) {
      code = forceKey(query, StoreFields.SYMBOL, claims.symbols(), BridgeErrorCode.FORBIDDEN_SYMBOL);
    }
    if (code == null) {
      params.put(TrackerActions.PARAM_QUERY, query);
    }
    return code;
  }

  private static BridgeErrorCode forceKey(JsonObject query, String key, Set<String> allowed,
                                          BridgeErrorCode outside) {
    if (allowed == null) {
      return null;
    }
    Object named = query.getValue(key);
    if (named instanceof String && !((String) named).isBlank()) {
      return allowed.contains(named) ? null : outside;
    }
    if (named != null && !(named instanceof String)) {
      return outside;
    }
    if (allowed.size() != 1) {
      return BridgeErrorCode.SCOPE_REQUIRED;
    }
    query.put(key, allowed.iterator().next());
    return null;
  }
}
