package dev.ordertracker.binance.replay;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ordertracker.api.Fields;
import dev.ordertracker.api.Timestamps;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.WireJson;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a replay's final states, one JSON object per line, in the order given: the whole TrackedOrder
 * ({@link ReplayFormat#ORDERS}) or its final state alone ({@link ReplayFormat#STATES}). Encoding is most of a
 * replay's work once the input is applied (and nothing else runs then), so chunks of {@value #CHUNK} orders are
 * encoded on {@value #ENCODERS} plain threads (dealt round-robin, taken back in the same order: the file keeps the given order) and written by the
 * calling thread; at most {@value #QUEUED_CHUNKS} encoded chunks per encoder wait in memory. Each chunk goes through
 * one Jackson generator; a full order is {@link TrackedOrder#encode()}'s text (no JsonObject tree).
 */
final class OrderWriter {
  static final int CHUNK = 2048;
  static final int ENCODERS = 2;
  static final int QUEUED_CHUNKS = 4;
  private static final int ORDER_BYTES = 1024;
  private static final int STATE_BYTES = 224;
  /** Our own factory (never Vert.x's shared mapper): values separated by our newlines, not by spaces. */
  private static final JsonFactory JSON = new JsonFactoryBuilder().rootValueSeparator((String) null).build();

  private OrderWriter() {
  }

  /** Writes {@code orders} to {@code output} in {@code format}; answers how many. */
  static int write(List<TrackedOrder> orders, Path output, ReplayFormat format) throws IOException,
      InterruptedException {
    return format == ReplayFormat.STATES
        ? write(orders, output, OrderWriter::writeState, STATE_BYTES)
        : write(orders, output, (o, json) -> json.writeRaw(o.encode()), ORDER_BYTES); // TrackedOrder's own text
  }

  /**
   * One small object per order: {@value Fields#ACCOUNT}, {@value Fields#SYMBOL}, {@value Fields#ORDER_ID},
   * {@value Fields#CLIENT_ORDER_ID}, {@value Fields#STATUS}, {@value Fields#QUANTITY}, {@value Fields#FILLED_QUANTITY},
   * {@value Fields#AVERAGE_PRICE}, {@value Fields#UPDATED_AT} (the names and forms of the full order's JSON),
   * written field by field: about a twentieth of the full form's bytes, no JsonObject per order.
   */
  private static void writeState(TrackedOrder o, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField(Fields.ACCOUNT, o.account());
    json.writeStringField(Fields.SYMBOL, o.symbol());
    json.writeStringField(Fields.ORDER_ID, o.orderId());
    json.writeStringField(Fields.CLIENT_ORDER_ID, o.clientOrderId());
    json.writeStringField(Fields.STATUS, o.status().name());
    json.writeStringField(Fields.QUANTITY, WireJson.decimal(o.quantity()));
    json.writeStringField(Fields.FILLED_QUANTITY, WireJson.decimal(o.filledQuantity()));
    json.writeStringField(Fields.AVERAGE_PRICE, WireJson.decimal(o.averagePrice()));
    json.writeStringField(Fields.UPDATED_AT, Timestamps.format(o.updatedAt()));
    json.writeEndObject();
  }

  /** How one order is written to a generator. */
  @FunctionalInterface
  private interface Encoding {
    void write(TrackedOrder order, JsonGenerator json) throws IOException;
  }

  private static int write(List<TrackedOrder> orders, Path output, Encoding encoding, int bytesPerOrder)
      throws IOException, InterruptedException {
    List<Handoff<byte[]>> encoded = new ArrayList<>(ENCODERS);
    List<Thread> threads = new ArrayList<>(ENCODERS);
    int chunks = (orders.size() + CHUNK - 1) / CHUNK;
    for (int e = 0; e < ENCODERS; e++) {
      Handoff<byte[]> out = new Handoff<>(QUEUED_CHUNKS);
      encoded.add(out);
      int first = e;
      Thread t = new Thread(() -> {
        Exception error = null;
        try {
          for (int c = first; c < chunks; c += ENCODERS) {
            out.put(encode(orders.subList(c * CHUNK, Math.min(orders.size(), (c + 1) * CHUNK)), encoding,
                bytesPerOrder));
          }
        } catch (RuntimeException ex) {
          error = ex;
        } finally {
          out.finish(error);
        }
      }, "replay-encoder-" + e);
      t.setDaemon(true);
      threads.add(t);
    }
    threads.forEach(Thread::start);
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(output), ReplayPipeline.IO_BUFFER)) {
      byte[] chunk;
      for (int c = 0; (chunk = encoded.get(c % ENCODERS).take()) != null; c++) {
        file.write(chunk);
      }
    } catch (IOException e) {
      throw new IOException("cannot write " + output + ": " + e.getMessage(), e);
    }
    for (Thread t : threads) {
      t.join();
    }
    for (Handoff<byte[]> h : encoded) {
      h.rethrow();
    }
    return orders.size();
  }

  private static byte[] encode(List<TrackedOrder> orders, Encoding encoding, int bytesPerOrder) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(orders.size() * bytesPerOrder);
    try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
      for (TrackedOrder o : orders) {
        encoding.write(o, json);
        json.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
