package dev.ordertracker.api;

import java.util.List;
import java.util.Objects;

/**
 * Several {@link OrderUpdate}s for the tracker's in-JVM ingest ({@link Addresses#trackerIngest()}), applied in list
 * order in one event-loop task of the tracker. An exchange adapter gathers the updates decoded during one read of its
 * socket into a batch: one event-bus message and one wake-up of the tracker instead of one per update, with the same
 * order. Travels by reference ({@link OrderUpdateCodec}), never across JVMs.
 *
 * <p>Answer (when sent as a request): the number of updates the tracker refused (unknown order, illegal update...),
 * as an {@link Integer}; each refusal is logged and counted by the tracker, and does not stop the rest of the batch.
 */
public record OrderUpdateBatch(List<OrderUpdate> updates) {
  public OrderUpdateBatch {
    updates = List.copyOf(Objects.requireNonNull(updates, "updates"));
  }

  public int size() {
    return updates.size();
  }
}
