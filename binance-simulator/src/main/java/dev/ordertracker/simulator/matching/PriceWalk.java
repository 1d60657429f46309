package dev.ordertracker.simulator.matching;

import java.math.BigDecimal;
import java.util.Random;

/** Random walk of the reference prices: each step moves a price by a seeded Gaussian of 0.05 % (at least a tick). */
public final class PriceWalk {

  private static final double RELATIVE_STEP = 0.0005;
  private final MatchingEngine engine;
  private final Random random;

  public PriceWalk(MatchingEngine engine, Random random) {
    this.engine = engine;
    this.random = random;
  }

  public void step() {
    for (SymbolBook book : engine.books()) {
      BigDecimal ref = book.referencePrice();
      BigDecimal tick = book.spec().tickSize();
      BigDecimal delta = book.spec().roundToTick(ref.multiply(BigDecimal.valueOf(random.nextGaussian() * RELATIVE_STEP)));
      if (delta.signum() == 0) {
        delta = random.nextBoolean() ? tick : tick.negate();
      }
      BigDecimal next = ref.add(delta);
      engine.setPrice(book.spec().symbol(), next.compareTo(tick) < 0 ? tick : next);
    }
  }
}
