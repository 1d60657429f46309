package dev.ordertracker.simulator.faults;

/**
 * An armed placement fault: the next placement answers {@code kind} (5xx / -1006 / -1007: "execution status
 * unknown") and is executed {@code executeAfterMs} later, or never when negative.
 */
public record LatePlacement(FailureKind kind, long executeAfterMs) {

  public boolean executes() {
    return executeAfterMs >= 0;
  }
}
