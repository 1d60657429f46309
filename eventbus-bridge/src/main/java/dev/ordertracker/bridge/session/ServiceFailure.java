package dev.ordertracker.bridge.session;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

/**
 * A failed request as a client sees it: a stable code in {@code message}, the service's HTTP-like
 * {@code failureCode} and the failure type — never the service's exception text, which may carry internal
 * details. Codes: {@code bad_request} (400), {@code not_found} (404), {@code conflict} (409), {@code internal_error}
 * (other failure codes), {@code timeout} (no answer within reply_timeout_ms), {@code unavailable} (no service).
 */
public record ServiceFailure(String code, int failureCode, String failureType) {

  public static ServiceFailure of(Throwable failure) {
    if (failure instanceof ReplyException) {
      ReplyException re = (ReplyException) failure;
      return of(re.failureType(), re.failureCode());
    }
    return new ServiceFailure("internal_error", 500, ReplyFailure.RECIPIENT_FAILURE.name());
  }

  public static ServiceFailure of(ReplyFailure type, int failureCode) {
    if (type == ReplyFailure.TIMEOUT) {
      return new ServiceFailure("timeout", 504, type.name());
    }
    if (type == ReplyFailure.NO_HANDLERS) {
      return new ServiceFailure("unavailable", 503, type.name());
    }
    String code = switch (failureCode) {
      case 400 -> "bad_request";
      case 404 -> "not_found";
      case 409 -> "conflict";
      default -> "internal_error";
    };
    return new ServiceFailure(code, failureCode, ReplyFailure.RECIPIENT_FAILURE.name());
  }

  /** The err frame answering the request at {@code replyAddress} (both transports use the same fields). */
  public JsonObject frame(String replyAddress) {
    return new JsonObject().put("type", "err").put("address", replyAddress).put("failureCode", failureCode)
        .put("failureType", failureType).put("message", code).put("body", code);
  }
}
