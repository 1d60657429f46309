package dev.ordertracker.binance.codec;

import dev.ordertracker.binance.support.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every published event type reaches its own listener method, once, with the caller's context. */
class UserDataListenerTest {
  /** Answers "method:context:event type" for the one method called. */
  private static final UserDataListener<String, String> NAMES = new UserDataListener<>() {
    @Override
    public String executionReport(ExecutionReport report, String context) {
      return "executionReport:" + context + ":" + report.getClass().getSimpleName();
    }

    @Override
    public String listStatus(ListStatus list, String context) {
      return "listStatus:" + context + ":" + list.getClass().getSimpleName();
    }

    @Override
    public String accountPosition(OutboundAccountPosition position, String context) {
      return "outboundAccountPosition:" + context + ":" + position.getClass().getSimpleName();
    }

    @Override
    public String balanceUpdate(BalanceUpdate update, String context) {
      return "balanceUpdate:" + context + ":" + update.getClass().getSimpleName();
    }

    @Override
    public String externalLockUpdate(ExternalLockUpdate update, String context) {
      return "externalLockUpdate:" + context + ":" + update.getClass().getSimpleName();
    }

    @Override
    public String streamTerminated(EventStreamTerminated terminated, String context) {
      return "eventStreamTerminated:" + context + ":" + terminated.getClass().getSimpleName();
    }

    @Override
    public String serverShutdown(ServerShutdown shutdown, String context) {
      return "serverShutdown:" + context + ":" + shutdown.getClass().getSimpleName();
    }
  };

  @ParameterizedTest
  @ValueSource(strings = {"event-executionReport.json", "event-balanceUpdate.json",
      "event-eventStreamTerminated.json", "event-externalLockUpdate.json", "event-listStatus.json",
      "event-outboundAccountPosition.json", "event-serverShutdown.json"})
  void eachEventTypeIsDispatchedToItsOwnMethod(String file) {
    String type = Resources.json(file).getJsonObject("event").getString("e");
    UserDataDecoder decoder = new UserDataDecoder();
    String fast = decoder.decode(Resources.text(file)).dispatch(NAMES, "ctx");
    String strict = decoder.decodeStrict(Resources.text(file)).dispatch(NAMES, "ctx");
    assertThat(fast).isEqualTo(strict).startsWith(type + ":ctx:").endsWithIgnoringCase(":" + type);
  }
}
