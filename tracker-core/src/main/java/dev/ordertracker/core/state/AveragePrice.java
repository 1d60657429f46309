package dev.ordertracker.core.state;

import dev.ordertracker.api.Decimals;

import java.math.BigDecimal;

/**
 * {@link Decimals#averagePrice} with a fast path, same results. The JDK's {@code divide(x, MathContext)} is cheap
 * when the quotient does not terminate but costs about half a microsecond when it does (it strips the exact result
 * through BigInteger), and averages of fills at tick prices terminate often. So: when both values have compact
 * unscaled longs and {@code quote / quantity} terminates within a long, compute it exactly in long arithmetic (an
 * exact quotient of at most 19 digits is what a 20-digit context gives too); otherwise defer to
 * {@link Decimals#averagePrice}. Stateless.
 */
public final class AveragePrice {
  private AveragePrice() {
  }

  public static BigDecimal of(BigDecimal quote, BigDecimal quantity) {
    if (quote == null || quantity == null || quantity.signum() <= 0 || quote.signum() < 0
        || quote.precision() > 18 || quantity.precision() > 18) {
      return Decimals.averagePrice(quote, quantity);
    }
    long a = quote.unscaledValue().longValue();
    long b = quantity.unscaledValue().longValue();
    long g = gcd(a, b);
    long rest = b / g;
    int twos = Long.numberOfTrailingZeros(rest);
    rest >>>= twos;
    int fives = 0;
    while (rest % 5 == 0) {
      rest /= 5;
      fives++;
    }
    if (rest != 1) {
      return Decimals.averagePrice(quote, quantity); // does not terminate: the JDK's rounding path is the cheap one
    }
    int k = Math.max(twos, fives);
    try {
      long unscaled = a / g;
      for (int i = twos; i < k; i++) {
        unscaled = Math.multiplyExact(unscaled, 2);
      }
      for (int i = fives; i < k; i++) {
        unscaled = Math.multiplyExact(unscaled, 5);
      }
      return Decimals.normalized(BigDecimal.valueOf(unscaled, k + quote.scale() - quantity.scale()));
    } catch (ArithmeticException overflow) {
      return Decimals.averagePrice(quote, quantity);
    }
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
