package dev.ordertracker.bridge.session;

import dev.ordertracker.bridge.metrics.BridgeMetrics;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The last event frame encoded, reused for the next client that gets the same event: a published event reaches
 * every subscribed client one after the other, and on one node the tracker hands them all one shared read-only body
 * (EventBodyCodec) whose values are computed when read, so without this each of 1,000 clients would compute and
 * encode the same JSON again. Same event means: the very same body instance, the same address and equal headers
 * (a body the event bus copies per consumer never matches, so it is encoded per client as before). Writing one
 * Buffer to many sockets is safe: each write takes its own view of the bytes. Confined to the bridge verticle's
 * event loop: no locks.
 */
public final class FrameMemo {
  private final BridgeMetrics metrics;
  private final BridgeMetrics.Transport transport;
  private Object body;
  private String address;
  private JsonObject headers;
  private Buffer frame;

  /** @param metrics counts the frames shared ({@code bridge_event_frames_shared}) */
  public FrameMemo(BridgeMetrics metrics, BridgeMetrics.Transport transport) {
    this.metrics = metrics;
    this.transport = transport;
  }

  /** The frame of this event: the last one when it is the same event, else {@code encode}'s (kept for the next). */
  public Buffer frame(String address, Object body, JsonObject headers, Supplier<Buffer> encode) {
    if (body != null && body == this.body && address.equals(this.address) && Objects.equals(headers, this.headers)) {
      metrics.frameShared(transport);
      return frame;
    }
    Buffer encoded = encode.get();
    this.body = body;
    this.address = address;
    this.headers = headers;
    this.frame = encoded;
    return encoded;
  }
}
