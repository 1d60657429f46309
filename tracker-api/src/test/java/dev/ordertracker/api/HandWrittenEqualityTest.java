package dev.ordertracker.api;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * {@link OrderKey} and {@link OrderDetails} write out equals and hashCode (the records' generated ones are slow until
 * fully compiled). They must mean what the generated ones mean: every component counts, compared by its own equals.
 * Walking the components by reflection makes a component added later without its line in equals fail here.
 */
class HandWrittenEqualityTest {

  @Test
  void everyComponentOfOrderDetailsCountsAndEqualDetailsHashAlike() throws Exception {
    assertEveryComponentCounts(OrderDetails.class, new Object[OrderDetails.class.getRecordComponents().length]);
  }

  @Test
  void everyComponentOfOrderKeyCounts() throws Exception {
    assertEveryComponentCounts(OrderKey.class, new Object[] {"BTCUSDT", "1"});
  }

  @Test
  void aDecimalsScaleCountsAsInTheGeneratedEquals() {
    OrderDetails a = OrderDetails.NONE.merge(new OrderDetails(null, new BigDecimal("1.5"), null, null, null, null,
        null, null, null, null, null));
    OrderDetails b = OrderDetails.NONE.merge(new OrderDetails(null, new BigDecimal("1.50"), null, null, null, null,
        null, null, null, null, null));
    assertNotEquals(a, b);
    assertNotEquals(a, null);
    assertNotEquals(new OrderKey("A", "1"), "A/1");
  }

  private static <T extends Record> void assertEveryComponentCounts(Class<T> type, Object[] base) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Constructor<T> canonical = type.getDeclaredConstructor(
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
    T plain = canonical.newInstance(base.clone());
    assertEquals(plain, canonical.newInstance(base.clone()));
    assertEquals(plain.hashCode(), canonical.newInstance(base.clone()).hashCode());
    for (int i = 0; i < components.length; i++) {
      Object[] values = base.clone();
      values[i] = other(components[i].getType(), base[i]);
      T changed = canonical.newInstance(values);
      T same = canonical.newInstance(values.clone());
      assertNotEquals(plain, changed, components[i].getName() + " must count in equals");
      assertNotEquals(changed, plain, components[i].getName() + " must count in equals");
      assertEquals(changed, same);
      assertEquals(changed.hashCode(), same.hashCode(), components[i].getName() + ": equal values hash alike");
    }
  }

  private static Object other(Class<?> type, Object was) {
    if (type == String.class) {
      return was + "-other";
    }
    if (type == BigDecimal.class) {
      return new BigDecimal("1.25");
    }
    if (type == Boolean.class) {
      return Boolean.TRUE;
    }
    throw new IllegalArgumentException("no sample value for " + type);
  }
}
