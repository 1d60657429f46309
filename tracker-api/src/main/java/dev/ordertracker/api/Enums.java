package dev.ordertracker.api;

import java.util.Arrays;

/** Strict enum parsing with an error that names the field and the allowed values. */
final class Enums {
  private Enums() {
  }

  static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": unknown value '" + value + "', expected one of "
          + Arrays.toString(type.getEnumConstants()));
    }
  }
}
