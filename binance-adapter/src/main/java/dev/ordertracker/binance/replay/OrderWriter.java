package dev.ordertracker.binance.replay;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ordertracker.api.TrackedOrder;
import io.vertx.core.json.jackson.JacksonCodec;

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
 * Writes a replay's final states, one TrackedOrder JSON per line, in the order given. Encoding is most of a replay's
 * work once the input is applied, so chunks of {@value #CHUNK} orders are encoded on {@value #ENCODERS} plain
 * threads (dealt round-robin, taken back in the same order: the file keeps the given order) and written by the
 * calling thread; at most {@value #QUEUED_CHUNKS} encoded chunks per encoder wait in memory. Each chunk goes through
 * one Jackson generator (the encoder of {@code JsonObject.encode()}, without a String per order).
 */
final class OrderWriter {
  static final int CHUNK = 2048;
  static final int ENCODERS = 2;
  static final int QUEUED_CHUNKS = 4;
  /** Our own factory (never Vert.x's shared mapper): values separated by our newlines, not by spaces. */
  private static final JsonFactory JSON = new JsonFactoryBuilder().rootValueSeparator((String) null).build();

  private OrderWriter() {
  }

  /** Writes {@code orders} to {@code output}; answers how many. */
  static int write(List<TrackedOrder> orders, Path output) throws IOException, InterruptedException {
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
            out.put(encode(orders.subList(c * CHUNK, Math.min(orders.size(), (c + 1) * CHUNK))));
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

  private static byte[] encode(List<TrackedOrder> orders) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(orders.size() * 1024);
    try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
      for (TrackedOrder o : orders) {
        JacksonCodec.encodeJson(o.toJson(), json);
        json.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
