package dev.ordertracker.binance.replay;

import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.binance.support.Resources;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The replay's reader streams (batches leave long before the input ends) and its decoders keep input order. */
class ReplayStagesTest {
  private static final int FRAMES = 20_000;

  /** A lazily generated input of {@code FRAMES} distinct NEW executionReports; counts what has been read from it. */
  private static final class GeneratedFrames extends Reader {
    private final JsonObject event = Resources.json("event-executionReport.json").getJsonObject("event");
    private String current = "";
    private int position;
    private int produced;
    long charsRead;

    @Override
    public int read(char[] buf, int off, int len) {
      if (position == current.length()) {
        if (produced == FRAMES) {
          return -1;
        }
        current = new JsonObject().put("subscriptionId", 3)
            .put("event", event.copy().put("i", 1_000L + produced).put("I", 5_000L + produced)).encode() + "\n";
        position = 0;
        produced++;
      }
      int n = Math.min(len, current.length() - position);
      current.getChars(position, position + n, buf, off);
      position += n;
      charsRead += n;
      return n;
    }

    @Override
    public void close() {
    }
  }

  @Test
  void handsBatchesOnWhileTheInputIsStillBeingRead() throws Exception {
    GeneratedFrames input = new GeneratedFrames();
    List<Long> readWhenHandedOn = new ArrayList<>();
    List<LineBatch> batches = new ArrayList<>();
    LineReader.readAll(new BufferedReader(input, 1 << 16), batch -> {
      readWhenHandedOn.add(input.charsRead);
      batches.add(batch);
    });
    assertThat(batches).hasSize((FRAMES + LineReader.BATCH - 1) / LineReader.BATCH);
    long total = input.charsRead;
    // the first batch left after about one batch of lines plus one read buffer, not after the whole input
    long frameChars = total / FRAMES;
    assertThat(readWhenHandedOn.get(0)).isLessThan((LineReader.BATCH + 1) * frameChars + (1 << 16) + frameChars);
    assertThat(readWhenHandedOn.get(0)).isLessThan(total / 10);

    BatchDecoder decoder = new BatchDecoder(null);
    List<OrderUpdate> all = new ArrayList<>();
    for (LineBatch b : batches) {
      DecodedBatch d = decoder.decode(b);
      assertThat(d.decodeErrors).isZero();
      for (int i = 0; i < d.size; i++) {
        all.add(d.updates[i]);
        assertThat(d.accounts[i]).isEqualTo("sub-3");
      }
    }
    assertThat(all).hasSize(FRAMES);
    for (int i = 0; i < FRAMES; i++) {
      assertThat(all.get(i).orderId()).isEqualTo(Long.toString(1_000L + i));
    }
  }

  @Test
  void progressLineSaysFramesPerSecondAndTimeLeft() {
    assertThat(ReplayProgress.line(500_000, 250, 2_000_000_000L, 1000))
        .isEqualTo(String.format("replay: %,d frames, %,.0f frames/s, 25%% read, ETA 6 s", 500_000, 250_000.0));
    assertThat(ReplayProgress.line(10, 0, 1_000_000_000L, 0)).isEqualTo("replay: 10 frames, 10 frames/s");
  }
}
