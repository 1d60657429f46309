package dev.ordertracker.simulator.faults;

/** How {@link FaultInjector#failNextRequests} answers: HTTP/WS status 503 (-1001) or -1007 TIMEOUT (status 503). */
public enum FailureKind {
  HTTP_5XX, TIMEOUT_1007
}
