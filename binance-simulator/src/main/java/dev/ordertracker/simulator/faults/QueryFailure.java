package dev.ordertracker.simulator.faults;

/** An armed failure of a query answer: its kind and, for 429/418, how long the client must wait (ms). */
public record QueryFailure(FailureKind kind, long retryAfterMs) {
}
