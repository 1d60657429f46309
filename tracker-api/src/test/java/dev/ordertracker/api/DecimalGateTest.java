package dev.ordertracker.api;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one decimal gate: absurd exponents and precisions are refused with a short message naming the field. */
class DecimalGateTest {

  @Test
  void hugeExponentsAreRefusedWithAShortMessageNamingTheField() {
    for (String absurd : new String[] {"1e999999999", "-1e999999999", "1e-999999999", "1E+19"}) {
      assertThatThrownBy(() -> Decimals.parse(absurd, "quantity")).as(absurd)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("quantity: decimal out of range")
          .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
      // nonNegative used to print the plain form of the value: a gigabyte for -1e999999999
      assertThatThrownBy(() -> Decimals.nonNegative(absurd, "price")).as(absurd)
          .isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(e.getMessage()).startsWith("price").hasSizeLessThan(200));
    }
    assertThatThrownBy(() -> Decimals.parse(new BigDecimal("1e999999999"), "q"))
        .hasMessageStartingWith("q: decimal out of range");
  }

  @Test
  void precisionAndScaleAreBounded() {
    assertThat(Decimals.parse("9".repeat(38), "q")).isEqualTo(new BigDecimal("9".repeat(38)));
    assertThatThrownBy(() -> Decimals.parse("9".repeat(39), "q")).hasMessageContaining("out of range");
    assertThat(Decimals.parse("0." + "0".repeat(17) + "1", "q")).isEqualByComparingTo("1e-18");
    assertThatThrownBy(() -> Decimals.parse("0." + "0".repeat(18) + "1", "q")).hasMessageContaining("out of range");
    assertThat(Decimals.parse("1e18", "q")).isEqualByComparingTo("1000000000000000000");
  }

  @Test
  void ordinaryValuesPassUnchangedAndTrailingZerosDoNotCount() {
    BigDecimal binance = new BigDecimal("5.00000000");
    assertThat(Decimals.bounded(binance, "q")).isSameAs(binance);
    assertThat(Decimals.parse("5." + "0".repeat(40), "q")).isEqualByComparingTo("5");
    assertThat(Decimals.bounded(new BigDecimal("0E-999999999"), "q")).isEqualTo(BigDecimal.ZERO);
    assertThat(Decimals.parse(12.5d, "q")).isEqualTo(new BigDecimal("12.5"));
  }

  @Test
  void everyRecordThatCarriesAnAmountGoesThroughTheGate() {
    BigDecimal absurd = new BigDecimal("1e999999999");
    assertThatThrownBy(() -> OrderUpdate.builder("BTCUSDT", "1", OrderStatus.FILLED).cumulative(absurd, null).build())
        .hasMessageContaining(Fields.CUMULATIVE_FILLED_QUANTITY).hasMessageContaining("out of range");
    assertThatThrownBy(() -> NewOrder.of("1", "BTCUSDT", OrderType.LIMIT, OrderSide.BUY, absurd))
        .hasMessageContaining(Fields.QUANTITY).hasMessageContaining("out of range");
    assertThatThrownBy(() -> NewOrder.of("1", "BTCUSDT", OrderType.LIMIT, OrderSide.BUY, BigDecimal.ONE)
        .withPrice(absurd)).hasMessageContaining(Fields.PRICE).hasMessageContaining("out of range");
    assertThatThrownBy(() -> StatusUpdate.filled("1", OrderStatus.FILLED, BigDecimal.ONE, absurd))
        .hasMessageContaining(Fields.AVERAGE_PRICE).hasMessageContaining("out of range");
    assertThatThrownBy(() -> new Fill(1, BigDecimal.ONE, absurd, null, null, null, false, null))
        .hasMessageContaining(Fields.PRICE).hasMessageContaining("out of range");
  }
}
