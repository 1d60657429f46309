/**
 * Notifications and alert triggers.
 *
 * <pre>
 *  &lt;prefix&gt;.events.*  ──┐                                      ┌─▶ DeliveryQueue ─▶ HttpTransport (webhook)
 *  &lt;prefix&gt;.account.* ─┼─▶ NotifierVerticle ─▶ RuleEvaluator ─┤   (bounded,        HttpTransport (Slack)
 *  periodic tick ───────┘   (OrderEvent.fromJson)  (pure: Alerts) │    retried,         HttpTransport (Telegram)
 *                                                  AlertText +    └─▶  metered)  ─▶    EmailTransport (SMTP)
 *                                                  MessageTemplate
 * </pre>
 *
 * Packages: {@code config} (typed option reading), {@code rule} (rules, the evaluator), {@code template} (message
 * templates and exact amount formats), {@code sink} (sink options, queues, transports, metrics). Everything runs on
 * the verticle's context; the tracker never waits for a notification.
 */
package dev.ordertracker.notifier;
