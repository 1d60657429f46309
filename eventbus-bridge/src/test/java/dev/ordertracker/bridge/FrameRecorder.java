package dev.ordertracker.bridge;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Records frames from a client (any thread) and waits, bounded, for one that matches. */
public final class FrameRecorder {
  private final List<JsonObject> frames = new ArrayList<>();

  public synchronized void add(JsonObject frame) {
    frames.add(frame);
    notifyAll();
  }

  public synchronized List<JsonObject> snapshot() {
    return List.copyOf(frames);
  }

  public synchronized JsonObject await(Predicate<JsonObject> match, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (true) {
      for (JsonObject f : frames) {
        if (match.test(f)) {
          return f;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        StringBuilder got = new StringBuilder();
        frames.stream().skip(Math.max(0, frames.size() - 5)).forEach(f -> {
          String text = f.encode();
          got.append(text, 0, Math.min(300, text.length())).append('\n');
        });
        throw new AssertionError("no frame matching " + what + " within 15 s; " + frames.size()
            + " frames, the last ones:\n" + got);
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  public synchronized boolean any(Predicate<JsonObject> match) {
    return frames.stream().anyMatch(match);
  }

  public static Predicate<JsonObject> err(String code) {
    return f -> "err".equals(f.getString("type")) && code.equals(f.getString("message"));
  }

  public static Predicate<JsonObject> event(String orderId, String status) {
    return f -> f.getValue("body") instanceof JsonObject
        && orderId.equals(f.getJsonObject("body").getString("order_id"))
        && status.equals(f.getJsonObject("body").getString("status"));
  }
}
