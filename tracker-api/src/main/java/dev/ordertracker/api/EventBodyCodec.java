package dev.ordertracker.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

/**
 * The event-bus codec of read-only event bodies ({@link OrderEvent#toReadOnlyJson()}): every local consumer gets the
 * same instance instead of a deep copy each. The standard JsonObject codec copies the body once per consumer, which
 * cost as much as building it; a read-only body cannot be changed by one consumer under another's feet, so sharing
 * it is safe. Used by the tracker on a non-clustered Vert.x only: on a cluster the standard codec is kept, so that
 * any node decodes events without registering anything.
 *
 * <p>On the wire (should a user send such a body to a remote node that registered this codec) it is the plain JSON
 * text, like the standard codec.
 */
public final class EventBodyCodec implements MessageCodec<JsonObject, JsonObject> {
  /** The codec name to set in {@code DeliveryOptions.setCodecName}. */
  public static final String NAME = "dev.ordertracker.event-body.read-only";
  private static final System.Logger LOG = System.getLogger(EventBodyCodec.class.getName());

  private EventBodyCodec() {
  }

  /** Registers the codec on {@code eventBus}, once (further calls do nothing). */
  public static void registerOnce(EventBus eventBus) {
    try {
      eventBus.registerCodec(new EventBodyCodec());
    } catch (IllegalStateException alreadyRegistered) {
      LOG.log(System.Logger.Level.TRACE, "event body codec already registered");
    }
  }

  @Override
  public void encodeToWire(Buffer buffer, JsonObject body) {
    Buffer encoded = body.toBuffer();
    buffer.appendInt(encoded.length());
    buffer.appendBuffer(encoded);
  }

  @Override
  public JsonObject decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return new JsonObject(buffer.slice(pos + 4, pos + 4 + length));
  }

  @Override
  public JsonObject transform(JsonObject body) {
    return body;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
