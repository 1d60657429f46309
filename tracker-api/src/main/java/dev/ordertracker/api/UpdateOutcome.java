package dev.ordertracker.api;

import io.vertx.codegen.annotations.VertxGen;

/** What the tracker did with an update. Only APPLIED changes state; only APPLIED may publish an event. */
@VertxGen
public enum UpdateOutcome {
  /** State changed (and an event was published if the change is one events report). */
  APPLIED,
  /** The same update was seen before (same execution id, or same status and cumulative quantity). */
  DUPLICATE,
  /** Older than what the tracker knows (smaller cumulative quantity, or a non-final report after a final one). */
  STALE,
  /** Not a legal transition from the order's current status. */
  ILLEGAL_TRANSITION;

  /** Rejected updates are counted in the stats' {@code rejected_updates}. */
  public boolean isRejected() {
    return this == STALE || this == ILLEGAL_TRANSITION;
  }
}
