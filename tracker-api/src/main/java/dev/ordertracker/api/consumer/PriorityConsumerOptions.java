package dev.ordertracker.api.consumer;

import dev.ordertracker.api.EventType;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Options of a {@link PriorityEventConsumer}: which event types to subscribe to (default all) and how many events
 * may wait before the event-bus consumers are paused ({@code maxBacklog}, default 10,000; resumed at half of it).
 */
public final class PriorityConsumerOptions {
  public static final int DEFAULT_MAX_BACKLOG = 10_000;

  private final EnumSet<EventType> eventTypes = EnumSet.allOf(EventType.class);
  private int maxBacklog = DEFAULT_MAX_BACKLOG;
  private int resumeBacklog = DEFAULT_MAX_BACKLOG / 2;

  public Set<EventType> getEventTypes() {
    return EnumSet.copyOf(eventTypes);
  }

  /** @throws IllegalArgumentException when empty */
  public PriorityConsumerOptions setEventTypes(Collection<EventType> types) {
    if (types == null || types.isEmpty()) {
      throw new IllegalArgumentException("event types: at least one is required");
    }
    eventTypes.clear();
    eventTypes.addAll(types);
    return this;
  }

  public int getMaxBacklog() {
    return maxBacklog;
  }

  /** Also sets the resume threshold to half of it. @throws IllegalArgumentException when not positive */
  public PriorityConsumerOptions setMaxBacklog(int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("max backlog must be positive, was " + value);
    }
    maxBacklog = value;
    resumeBacklog = value / 2;
    return this;
  }

  public int getResumeBacklog() {
    return resumeBacklog;
  }

  /** @throws IllegalArgumentException unless 0 &lt;= value &lt; max backlog */
  public PriorityConsumerOptions setResumeBacklog(int value) {
    if (value < 0 || value >= maxBacklog) {
      throw new IllegalArgumentException("resume backlog must be in [0, " + maxBacklog + "), was " + value);
    }
    resumeBacklog = value;
    return this;
  }
}
