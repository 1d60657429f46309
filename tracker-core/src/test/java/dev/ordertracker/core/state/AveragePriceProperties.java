package dev.ordertracker.core.state;

import dev.ordertracker.api.Decimals;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast average price is exactly {@link Decimals#averagePrice}: same value and same scale. */
class AveragePriceProperties {

  @Property(tries = 5000)
  void sameAsDecimalsAveragePrice(@ForAll @LongRange(min = 0, max = 999_999_999_999L) long quoteUnscaled,
                                  @ForAll @IntRange(min = 0, max = 10) int quoteScale,
                                  @ForAll @LongRange(min = 1, max = 999_999_999L) long qtyUnscaled,
                                  @ForAll @IntRange(min = 0, max = 10) int qtyScale) {
    BigDecimal quote = BigDecimal.valueOf(quoteUnscaled, quoteScale);
    BigDecimal qty = BigDecimal.valueOf(qtyUnscaled, qtyScale);
    assertThat(AveragePrice.of(quote, qty)).isEqualTo(Decimals.averagePrice(quote, qty));
  }

  @Property(tries = 2000)
  void sameForFillsAtTickPrices(@ForAll @IntRange(min = 1, max = 5000) int lots1,
                                @ForAll @IntRange(min = 1, max = 5000) int lots2,
                                @ForAll @IntRange(min = 1, max = 99999) int ticks1,
                                @ForAll @IntRange(min = 1, max = 99999) int ticks2) {
    BigDecimal q1 = BigDecimal.valueOf(lots1, 5);
    BigDecimal q2 = BigDecimal.valueOf(lots2, 5);
    BigDecimal quote = q1.multiply(BigDecimal.valueOf(5_000_000 + ticks1, 2))
        .add(q2.multiply(BigDecimal.valueOf(5_000_000 + ticks2, 2)));
    BigDecimal qty = q1.add(q2);
    assertThat(AveragePrice.of(quote, qty)).isEqualTo(Decimals.averagePrice(quote, qty));
  }

  @Example
  void edges() {
    assertThat(AveragePrice.of(BigDecimal.ZERO, BigDecimal.ONE)).isEqualTo(Decimals.averagePrice(BigDecimal.ZERO,
        BigDecimal.ONE));
    assertThat(AveragePrice.of(null, BigDecimal.ONE)).isNull();
    assertThat(AveragePrice.of(BigDecimal.TEN, BigDecimal.ZERO)).isNull();
    BigDecimal big = new BigDecimal("123456789012345678901234567890.5");
    assertThat(AveragePrice.of(big, new BigDecimal("0.3"))).isEqualTo(Decimals.averagePrice(big,
        new BigDecimal("0.3")));
    assertThat(AveragePrice.of(new BigDecimal("37500.1500"), new BigDecimal("0.75")))
        .isEqualTo(new BigDecimal("50000.2"));
  }
}
