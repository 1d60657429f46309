package dev.ordertracker.simulator.account;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Free and locked amounts per asset of one account. Owned by the simulator context. */
public final class Balances {

  /** Free and locked amount of one asset (mutable, never negative). */
  public static final class Balance {
    private BigDecimal free = BigDecimal.ZERO;
    private BigDecimal locked = BigDecimal.ZERO;

    public BigDecimal free() {
      return free;
    }

    public BigDecimal locked() {
      return locked;
    }
  }

  private final Map<String, Balance> byAsset = new TreeMap<>();

  public Balance of(String asset) {
    return byAsset.computeIfAbsent(asset, a -> new Balance());
  }

  public BigDecimal free(String asset) {
    return of(asset).free;
  }

  public void credit(String asset, BigDecimal amount) {
    Balance b = of(asset);
    b.free = b.free.add(amount);
  }

  /** Moves {@code amount} from free to locked; false (and nothing changed) when free is short. */
  public boolean lock(String asset, BigDecimal amount) {
    Balance b = of(asset);
    if (b.free.compareTo(amount) < 0) {
      return false;
    }
    b.free = b.free.subtract(amount);
    b.locked = b.locked.add(amount);
    return true;
  }

  /** Moves {@code amount} from locked back to free. */
  public void unlock(String asset, BigDecimal amount) {
    Balance b = of(asset);
    b.locked = b.locked.subtract(amount);
    b.free = b.free.add(amount);
    checkNonNegative(asset, b);
  }

  /** Removes {@code amount} from locked (spent in a trade). */
  public void spendLocked(String asset, BigDecimal amount) {
    Balance b = of(asset);
    b.locked = b.locked.subtract(amount);
    checkNonNegative(asset, b);
  }

  public Map<String, Balance> all() {
    return byAsset;
  }

  private static void checkNonNegative(String asset, Balance b) {
    if (b.locked.signum() < 0 || b.free.signum() < 0) {
      throw new IllegalStateException("negative balance of " + asset + ": free " + b.free + " locked " + b.locked);
    }
  }
}
