package dev.ordertracker.notifier.sink;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * One attempt to deliver a notification to one destination. A failed future means "retry may help"; its message
 * must not contain a secret (URLs of Slack and Telegram, tokens, passwords), because it is logged.
 */
public interface Transport {

  Future<Void> send(Notification notification);

  default Future<Void> close() {
    return Future.succeededFuture();
  }

  /** The transport of {@code options}' type. */
  static Transport create(Vertx vertx, SinkOptions options) {
    return switch (options.getType()) {
      case WEBHOOK -> HttpTransport.webhook(vertx, options);
      case SLACK -> HttpTransport.slack(vertx, options);
      case TELEGRAM -> HttpTransport.telegram(vertx, options);
      case EMAIL -> new EmailTransport(vertx, options);
    };
  }
}
