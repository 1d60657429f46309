package dev.ordertracker.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.function.Function;

/**
 * An event's body for a publish on a <b>clustered</b> event bus ({@link OrderEvent#toWireJson()}). The bus encodes a
 * JsonObject body once per remote node with {@link #toBuffer()}, which Vert.x's JsonObject answers by walking its
 * map through Jackson databind (on the publisher's event loop, the largest cost per event); here it is the event's own
 * text ({@link OrderEvent#encode()}), written from the record. Reads see the read-only view ({@link EventBodyView});
 * a local consumer on the publishing node gets {@link #copy()}: {@link OrderEvent#toJson()}, an ordinary mutable
 * JsonObject, built when first read. Consumers never see this class: remote ones decode the bytes, local ones get
 * the copy.
 */
final class WireEventJson extends JsonObject {
  private final OrderEvent event;

  WireEventJson(OrderEvent event) {
    super(new EventBodyView(event));
    this.event = event;
  }

  @Override
  public Buffer toBuffer() {
    return Buffer.buffer(event.encodeBytes());
  }

  @Override
  public String encode() {
    return event.encode();
  }

  /** {@link OrderEvent#toJson()}, built when first read ({@link LazyEventCopy}). */
  @Override
  public JsonObject copy() {
    return new JsonObject(new LazyEventCopy(event));
  }

  @Override
  public JsonObject copy(Function<Object, ?> cloner) {
    return copy();
  }
}
