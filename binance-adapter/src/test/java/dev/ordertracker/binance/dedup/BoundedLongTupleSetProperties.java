package dev.ordertracker.binance.dedup;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flat-array set answers exactly like the obvious model (a LinkedHashSet that forgets its oldest insertion beyond
 * the capacity) for random tuple streams with many repeats and collisions: every add's answer, the size, and
 * membership of every tuple seen at the end.
 */
class BoundedLongTupleSetProperties {

  @Property(tries = 300)
  void behavesLikeABoundedInsertionOrderedSet(@ForAll("streams") List<long[]> tuples,
                                              @ForAll @IntRange(min = 1, max = 40) int capacity,
                                              @ForAll @IntRange(min = 1, max = 3) int width) {
    BoundedLongTupleSet set = new BoundedLongTupleSet(width, capacity);
    LinkedHashSet<List<Long>> model = new LinkedHashSet<>();
    for (long[] t : tuples) {
      List<Long> key = key(t, width);
      boolean expected = !model.contains(key);
      if (expected) {
        if (model.size() == capacity) {
          model.remove(model.iterator().next());
        }
        model.add(key);
      }
      assertThat(set.add(t[0], width > 1 ? t[1] : 0, width > 2 ? t[2] : 0)).as("add %s", key).isEqualTo(expected);
      assertThat(set.size()).isEqualTo(model.size());
    }
    for (long[] t : tuples) {
      assertThat(set.contains(t[0], width > 1 ? t[1] : 0, width > 2 ? t[2] : 0))
          .isEqualTo(model.contains(key(t, width)));
    }
  }

  private static List<Long> key(long[] t, int width) {
    List<Long> key = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      key.add(t[i]);
    }
    return key;
  }

  /** Small value ranges, so that tuples repeat and share home slots; negative and extreme values too. */
  @Provide
  Arbitrary<List<long[]>> streams() {
    Arbitrary<Long> value = Arbitraries.oneOf(Arbitraries.longs().between(-3, 12),
        Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L));
    return value.array(long[].class).ofSize(3).list().ofMaxSize(400);
  }
}
