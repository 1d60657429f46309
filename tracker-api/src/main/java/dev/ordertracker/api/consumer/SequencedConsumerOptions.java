package dev.ordertracker.api.consumer;

/**
 * Options of a {@link SequencedEventConsumer}: how long an event after a hole waits for the missing ones to arrive
 * live before the hole is read from the journal ({@code gapGraceMs}, default 50), how often a hole the journal does
 * not cover yet is asked again ({@code retryMs}, default 100), events per journal read ({@code pageSize}, default
 * 1,000, at most 10,000: the history service's limit) and how many live events may wait behind a hole
 * ({@code maxPending}, default 100,000).
 */
public final class SequencedConsumerOptions {
  public static final long DEFAULT_GAP_GRACE_MS = 50;
  public static final long DEFAULT_RETRY_MS = 100;
  public static final int DEFAULT_PAGE_SIZE = 1_000;
  public static final int MAX_PAGE_SIZE = 10_000;
  public static final int DEFAULT_MAX_PENDING = 100_000;

  private long gapGraceMs = DEFAULT_GAP_GRACE_MS;
  private long retryMs = DEFAULT_RETRY_MS;
  private int pageSize = DEFAULT_PAGE_SIZE;
  private int maxPending = DEFAULT_MAX_PENDING;

  public long getGapGraceMs() {
    return gapGraceMs;
  }

  /** @throws IllegalArgumentException when negative */
  public SequencedConsumerOptions setGapGraceMs(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("gap grace must be >= 0 ms, was " + value);
    }
    gapGraceMs = value;
    return this;
  }

  public long getRetryMs() {
    return retryMs;
  }

  /** @throws IllegalArgumentException when not positive */
  public SequencedConsumerOptions setRetryMs(long value) {
    if (value <= 0) {
      throw new IllegalArgumentException("retry must be positive (ms), was " + value);
    }
    retryMs = value;
    return this;
  }

  public int getPageSize() {
    return pageSize;
  }

  /** @throws IllegalArgumentException unless 1..10,000 */
  public SequencedConsumerOptions setPageSize(int value) {
    if (value < 1 || value > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("page size must be in 1.." + MAX_PAGE_SIZE + ", was " + value);
    }
    pageSize = value;
    return this;
  }

  public int getMaxPending() {
    return maxPending;
  }

  /** @throws IllegalArgumentException when not positive */
  public SequencedConsumerOptions setMaxPending(int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("max pending must be positive, was " + value);
    }
    maxPending = value;
    return this;
  }
}
