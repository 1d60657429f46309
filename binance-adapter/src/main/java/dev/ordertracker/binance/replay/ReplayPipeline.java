package dev.ordertracker.binance.replay;

import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.UpdateOutcome;
import dev.ordertracker.binance.dedup.ExecutionDeduplicator;
import dev.ordertracker.core.OrderTrackerCore;
import dev.ordertracker.core.TrackerException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A replay's input side, as a pipeline of plain threads joined by bounded queues ({@link Handoff}):
 * <pre>
 *   reader ({@link ChunkReader}) ──chunk k──▶ decoder k mod D ({@link BatchDecoder}) ──▶ the calling thread
 * </pre>
 * The reader deals raw chunks (whole lines) round-robin to {@value #DECODERS} decoder threads (splitting lines and
 * decoding is most of the work) and the calling thread takes the decoded batches back in the same round-robin order, so it sees the stream exactly in
 * input order. On that one thread: the edge dedup (as the live adapter does it, in stream order) and the tracker's
 * state machine ({@link OrderTrackerCore#apply}). Memory: the core's orders plus at most
 * {@value #QUEUED_BATCHES} batches per queue, whatever the file size.
 */
final class ReplayPipeline {
  private static final System.Logger LOG = System.getLogger(ReplayPipeline.class.getName());
  static final int DECODERS = 2;
  static final int QUEUED_BATCHES = 8;
  private static final int LOGGED_REFUSALS = 10;
  static final int IO_BUFFER = 1 << 16;
  /** Executions remembered for the edge dedup (the live adapter's order of magnitude). */
  static final int DEDUP_CAPACITY = 1_000_000;

  final OrderTrackerCore core = OrderTrackerCore.builder().maxHistorySize(Integer.MAX_VALUE).build();
  private final ExecutionDeduplicator dedup = new ExecutionDeduplicator(DEDUP_CAPACITY);
  long frames;
  long decodeErrors;
  long updates;
  long applied;
  long refused;
  long invalidReports;
  long otherEvents;

  long duplicatesDropped() {
    return dedup.dropped();
  }

  /** Replays {@code input} into {@link #core} (a fresh one per pipeline); returns when all of it is applied. */
  void run(Path input, String account, ReplayProgress progress) throws IOException, InterruptedException {
    List<Handoff<Chunk>> toDecode = new ArrayList<>(DECODERS);
    List<Handoff<DecodedBatch>> decoded = new ArrayList<>(DECODERS);
    List<Thread> threads = new ArrayList<>();
    for (int d = 0; d < DECODERS; d++) {
      Handoff<Chunk> in = new Handoff<>(QUEUED_BATCHES);
      Handoff<DecodedBatch> out = new Handoff<>(QUEUED_BATCHES);
      toDecode.add(in);
      decoded.add(out);
      BatchDecoder decoder = new BatchDecoder(account);
      threads.add(thread("replay-decoder-" + d, () -> {
        Exception error = null;
        try {
          Chunk batch;
          while ((batch = in.take()) != null) {
            out.put(decoder.decode(batch));
          }
          in.rethrow();
        } catch (IOException | RuntimeException e) {
          error = e;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          out.finish(error);
        }
      }));
    }
    threads.add(thread("replay-reader", () -> {
      Exception error = null;
      try (InputStream in = Files.newInputStream(input)) {
        long[] next = new long[1];
        ChunkReader.readAll(in, chunk -> toDecode.get((int) (next[0]++ % DECODERS)).put(chunk));
      } catch (IOException e) {
        error = new IOException("cannot read " + input + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        error = e;
      } finally {
        for (Handoff<Chunk> h : toDecode) {
          h.finish(error);
        }
      }
    }));
    threads.forEach(Thread::start);
    DecodedBatch batch;
    for (long k = 0; (batch = decoded.get((int) (k % DECODERS)).take()) != null; k++) {
      apply(batch);
      progress.tick(frames, batch.bytesRead);
    }
    for (Thread t : threads) {
      t.join();
    }
    for (Handoff<DecodedBatch> h : decoded) {
      h.rethrow();
    }
  }

  private void apply(DecodedBatch batch) {
    frames += batch.frames;
    decodeErrors += batch.decodeErrors;
    otherEvents += batch.otherEvents;
    for (int i = 0; i < batch.size; i++) {
      if (!dedup.firstSeen(batch.accounts[i], batch.reports[i])) {
        continue;
      }
      if (batch.refusals[i] != null) {
        if (++invalidReports <= LOGGED_REFUSALS) {
          String why = batch.refusals[i];
          LOG.log(System.Logger.Level.WARNING, () -> "executionReport refused (" + why + ")");
        }
        continue;
      }
      OrderUpdate update = batch.updates[i];
      if (update == null) {
        continue;
      }
      updates++;
      try {
        if (core.apply(update) == UpdateOutcome.APPLIED) {
          applied++;
        }
      } catch (TrackerException e) {
        if (++refused <= LOGGED_REFUSALS) {
          LOG.log(System.Logger.Level.INFO, () -> "update refused: " + e.getMessage());
        }
      } catch (RuntimeException e) {
        // as the tracker's ingest does: one bad update never stops the replay
        refused++;
        LOG.log(System.Logger.Level.ERROR, "update " + update.key() + " failed unexpectedly", e);
      }
    }
  }

  private static Thread thread(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    return t;
  }
}
