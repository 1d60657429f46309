package dev.ordertracker.binance.codec;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ExecutionConditions#isNone()} is {@code equals(NONE)} written out: any one component set makes it false. */
class ExecutionConditionsTest {

  @Test
  void isNoneIsFalseAsSoonAsAnyOneConditionIsReported() throws Exception {
    assertTrue(ExecutionConditions.NONE.isNone());
    RecordComponent[] components = ExecutionConditions.class.getRecordComponents();
    Constructor<ExecutionConditions> canonical = ExecutionConditions.class.getDeclaredConstructor(
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
    assertTrue(canonical.newInstance(new Object[components.length]).isNone());
    for (int i = 0; i < components.length; i++) {
      Object[] values = new Object[components.length];
      values[i] = sample(components[i].getType());
      ExecutionConditions c = canonical.newInstance(values);
      assertFalse(c.isNone(), components[i].getName() + " reported, yet isNone()");
      assertFalse(c.equals(ExecutionConditions.NONE));
    }
  }

  private static Object sample(Class<?> type) {
    if (type == Long.class) {
      return 7L;
    }
    if (type == BigDecimal.class) {
      return BigDecimal.ONE;
    }
    if (type == Boolean.class) {
      return Boolean.FALSE;
    }
    if (type == String.class) {
      return "X";
    }
    throw new IllegalArgumentException("no sample value for " + type);
  }
}
