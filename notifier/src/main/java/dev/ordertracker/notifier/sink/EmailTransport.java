package dev.ordertracker.notifier.sink;

import dev.ordertracker.notifier.template.MessageTemplate;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;

import java.util.HashMap;
import java.util.Map;

/**
 * Email through SMTP with vertx-mail-client: one plain-text message per notification, subject from the sink's
 * {@code subject} template (which also sees {@code message}, the rendered text). The client never logs its SMTP
 * dialogue ({@code logActivity} stays off: it would show the AUTH exchange).
 */
final class EmailTransport implements Transport {
  private final MailClient client;
  private final SinkOptions options;
  private final MessageTemplate subject;
  private final Scrubber scrubber;

  EmailTransport(Vertx vertx, SinkOptions options) {
    this.options = options;
    MailConfig config = new MailConfig()
        .setHostname(options.getHost())
        .setPort(options.getPort())
        .setSsl(options.isSsl())
        .setStarttls(switch (options.getStarttls()) {
          case "required" -> StartTLSOptions.REQUIRED;
          case "disabled" -> StartTLSOptions.DISABLED;
          default -> StartTLSOptions.OPTIONAL;
        })
        .setLogin(options.getUsername() == null ? LoginOption.DISABLED : LoginOption.REQUIRED)
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.getTimeoutMs()))
        .setLogActivity(false)
        .setKeepAlive(false);
    if (options.getUsername() != null) {
      config.setUsername(options.getUsername()).setPassword(options.getPassword());
    }
    this.client = MailClient.create(vertx, config);
    this.subject = MessageTemplate.parse(options.getSubject());
    this.scrubber = new Scrubber(options.getPassword());
  }

  @Override
  public Future<Void> send(Notification n) {
    Map<String, Object> values = new HashMap<>(n.values());
    values.put("message", n.text());
    MailMessage message = new MailMessage()
        .setFrom(options.getFrom())
        .setTo(options.getTo())
        .setSubject(oneLine(subject.render(values)))
        .setText(n.text() + "\n");
    return client.sendMail(message)
        .timeout(options.getTimeoutMs(), java.util.concurrent.TimeUnit.MILLISECONDS)
        .<Void>mapEmpty()
        .recover(e -> Future.failedFuture(scrubber.failure(e)));
  }

  /** A subject is one header line: no CR/LF from an error message may start another header. */
  private static String oneLine(String s) {
    String line = s.replace('\r', ' ').replace('\n', ' ');
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }
}
