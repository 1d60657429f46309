package dev.ordertracker.binance.replay;

import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.binance.support.Resources;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The replay's reader streams (batches leave long before the input ends) and its decoders keep input order. */
class ReplayStagesTest {
  private static final int FRAMES = 20_000;

  /** A lazily generated input of {@code FRAMES} distinct NEW executionReports; counts what has been read from it. */
  private static final class GeneratedFrames extends InputStream {
    private final JsonObject event = Resources.json("event-executionReport.json").getJsonObject("event");
    private byte[] current = new byte[0];
    private int position;
    private int produced;
    long charsRead;

    @Override
    public int read(byte[] buf, int off, int len) {
      if (position == current.length) {
        if (produced == FRAMES) {
          return -1;
        }
        current = (new JsonObject().put("subscriptionId", 3)
            .put("event", event.copy().put("i", 1_000L + produced).put("I", 5_000L + produced)).encode()
            + (produced % 7 == 0 ? "\r\n\n" : "\n")).getBytes(StandardCharsets.UTF_8);
        position = 0;
        produced++;
      }
      int n = Math.min(len, current.length - position);
      System.arraycopy(current, position, buf, off, n);
      position += n;
      charsRead += n;
      return n;
    }

    @Override
    public int read() {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void handsBatchesOnWhileTheInputIsStillBeingRead() throws Exception {
    GeneratedFrames input = new GeneratedFrames();
    List<Long> readWhenHandedOn = new ArrayList<>();
    List<Chunk> batches = new ArrayList<>();
    ChunkReader.readAll(input, batch -> {
      readWhenHandedOn.add(input.charsRead);
      batches.add(batch);
    });
    long total = input.charsRead;
    // the first chunk left after one chunk's bytes were read, not after the whole input
    assertThat(readWhenHandedOn.get(0)).isEqualTo(ChunkReader.CHUNK);
    assertThat(readWhenHandedOn.get(0)).isLessThan(total / 10);
    assertThat(batches.get(batches.size() - 1).bytesRead()).isEqualTo(total);

    BatchDecoder decoder = new BatchDecoder(null);
    List<OrderUpdate> all = new ArrayList<>();
    for (Chunk b : batches) {
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
  void cutsChunksAtLineEndsKeepsALastLineWithoutNewlineAndDropsAnOversizeLine() throws Exception {
    String frame = new JsonObject().put("subscriptionId", 3).put("event",
        Resources.json("event-executionReport.json").getJsonObject("event")).encode();
    // a line straddling the first chunk's end, an oversize line (dropped, counted), a frame with no final newline
    String first = "x".repeat(ChunkReader.CHUNK - 10) + "\n";
    String oversize = "y".repeat(ChunkReader.MAX_LINE + 5) + "\n";
    byte[] input = (first + frame + "\n" + oversize + frame).getBytes(StandardCharsets.UTF_8);
    List<Chunk> chunks = new ArrayList<>();
    ChunkReader.readAll(new ByteArrayInputStream(input), chunks::add);
    BatchDecoder decoder = new BatchDecoder("main");
    int frames = 0;
    int errors = 0;
    int reports = 0;
    for (Chunk c : chunks) {
      assertThat(c.length() == 0 || c.bytes()[c.length() - 1] == '\n' || c == chunks.get(chunks.size() - 1))
          .isTrue();
      DecodedBatch d = decoder.decode(c);
      frames += d.frames;
      errors += d.decodeErrors;
      reports += d.size;
    }
    assertThat(frames).isEqualTo(4);
    assertThat(errors).as("the x line (not JSON) and the oversize line").isEqualTo(2);
    assertThat(reports).isEqualTo(2);
    assertThat(chunks.get(chunks.size() - 1).bytesRead()).isEqualTo(input.length);
  }

  @Test
  void progressLineSaysFramesPerSecondAndTimeLeft() {
    assertThat(ReplayProgress.line(500_000, 250, 2_000_000_000L, 1000))
        .isEqualTo(String.format("replay: %,d frames, %,.0f frames/s, 25%% read, ETA 6 s", 500_000, 250_000.0));
    assertThat(ReplayProgress.line(10, 0, 1_000_000_000L, 0)).isEqualTo("replay: 10 frames, 10 frames/s");
  }
}
