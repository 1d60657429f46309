package dev.ordertracker.bench.replay;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded replay workload: order lives as WS-API-wrapped executionReport lines (the published payload's fields, in
 * its order), plus the final state every order must end in.
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.ordertracker.bench.replay.ReplayWorkload ORDERS SEED OUT.jsonl
 * </pre>
 * writes {@code OUT.jsonl} and {@code OUT.jsonl.expected} ({@link FinalStates} format: one
 * {@code symbol order_id STATUS filled_quantity} line per order, tracker status names).
 *
 * <p>Lives (per order, from the seed): filled in 1–4 trades (45 %), partly filled then cancelled (25 %), cancelled
 * unfilled (15 %), still open, new or partly filled (15 %): about 3.1 lines per order with the repeats (100,000
 * orders: 314,050 lines, 159 MB). {@value #LIVE} orders are
 * alive at once and their reports interleave. Faults, as a real stream has them: about 3 % of lines come again a
 * few lines later (the exact same text: a duplicate delivery), and about 10 % of pairs of consecutive partial fills
 * of one order arrive swapped (the older one is then stale and must not win).
 */
public final class ReplayWorkload {
  static final int LIVE = 64;
  private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "ETHBTC"};
  private static final long T0 = 1_499_405_658_657L;

  private final Random random;
  private long executionId = 8_641_984L;
  private long tradeId = 1_000_000L;
  private long time = T0;

  private ReplayWorkload(long seed) {
    this.random = new Random(seed);
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: ReplayWorkload ORDERS SEED OUT.jsonl");
      System.exit(2);
    }
    Path out = Path.of(args[2]);
    long lines = write(Integer.parseInt(args[0]), Long.parseLong(args[1]), out);
    System.out.printf("%d lines, %d bytes written to %s (expected final states in %s)%n", lines, Files.size(out),
        out, expectedOf(out));
  }

  /** Where {@link #write} puts the expected final states of {@code frames}. */
  public static Path expectedOf(Path frames) {
    return frames.resolveSibling(frames.getFileName() + ".expected");
  }

  /** Writes the workload and its expected final states; answers the number of lines. */
  public static long write(int orders, long seed, Path out) throws IOException {
    ReplayWorkload w = new ReplayWorkload(seed);
    long lines = 0;
    try (BufferedWriter frames = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
         BufferedWriter expected = Files.newBufferedWriter(expectedOf(out), StandardCharsets.UTF_8)) {
      List<ArrayDeque<String>> live = new ArrayList<>(LIVE);
      ArrayDeque<String[]> repeats = new ArrayDeque<>(); // {line, lines to wait (as text)}
      int next = 0;
      while (next < orders || !live.isEmpty()) {
        while (live.size() < LIVE && next < orders) {
          live.add(w.life(1_000_000_000L + next++, expected));
        }
        int pick = w.random.nextInt(live.size());
        ArrayDeque<String> life = live.get(pick);
        String line = life.poll();
        if (life.isEmpty()) {
          live.set(pick, live.get(live.size() - 1));
          live.remove(live.size() - 1);
        }
        frames.write(line);
        frames.newLine();
        lines++;
        if (w.random.nextInt(100) < 3) {
          repeats.add(new String[] {line, Integer.toString(1 + w.random.nextInt(8))});
        }
        lines += w.flushRepeats(repeats, frames, false);
      }
      lines += w.flushRepeats(repeats, frames, true);
    }
    return lines;
  }

  private long flushRepeats(ArrayDeque<String[]> repeats, BufferedWriter frames, boolean all) throws IOException {
    long n = 0;
    for (int k = repeats.size(); k > 0; k--) {
      String[] r = repeats.poll();
      int wait = Integer.parseInt(r[1]) - 1;
      if (wait <= 0 || all) {
        frames.write(r[0]);
        frames.newLine();
        n++;
      } else {
        r[1] = Integer.toString(wait);
        repeats.add(r);
      }
    }
    return n;
  }

  /** One order's reports, in arrival order; its expected final state goes to {@code expected}. */
  private ArrayDeque<String> life(long orderId, BufferedWriter expected) throws IOException {
    String symbol = SYMBOLS[random.nextInt(SYMBOLS.length)];
    String side = random.nextBoolean() ? "BUY" : "SELL";
    BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(100_000), 5).setScale(8);
    BigDecimal price = BigDecimal.valueOf(1_000_000 + random.nextInt(5_000_000), 2).setScale(8);
    Order o = new Order(symbol, orderId, "c" + Long.toString(orderId, 36), side, quantity, price);
    int kind = random.nextInt(100);
    List<String> reports = new ArrayList<>(6);
    reports.add(report(o, "NEW", "NEW", null, null));
    String status;
    if (kind < 45) {
      int trades = 1 + random.nextInt(4);
      fills(o, trades, true, reports);
      status = "FILLED";
    } else if (kind < 70) {
      fills(o, 1 + random.nextInt(2), false, reports);
      reports.add(report(o, "CANCELED", "CANCELED", null, null));
      status = "CANCELLED";
    } else if (kind < 85) {
      reports.add(report(o, "CANCELED", "CANCELED", null, null));
      status = "CANCELLED";
    } else if (random.nextBoolean()) {
      status = "PLACED";
    } else {
      fills(o, 1 + random.nextInt(3), false, reports);
      status = o.filled.signum() > 0 ? "PARTIALLY_FILLED" : "PLACED";
    }
    for (int k = 1; k + 1 < reports.size(); k++) {
      if (reports.get(k).contains("\"X\":\"PARTIALLY_FILLED\"")
          && reports.get(k + 1).contains("\"X\":\"PARTIALLY_FILLED\"") && random.nextInt(10) == 0) {
        String a = reports.get(k);
        reports.set(k, reports.get(k + 1));
        reports.set(k + 1, a);
        k++;
      }
    }
    expected.write(FinalStates.line(symbol, Long.toString(orderId), status, o.filled));
    expected.newLine();
    return new ArrayDeque<>(reports);
  }

  /** {@code trades} trades; the last one fills the order when {@code complete}, else they leave some open. */
  private void fills(Order o, int trades, boolean complete, List<String> reports) {
    long lots = o.quantity.movePointRight(5).longValueExact();
    long left = lots;
    for (int k = 0; k < trades; k++) {
      long part;
      boolean last = k == trades - 1;
      if (last && complete) {
        part = left;
      } else {
        long room = complete ? left - (trades - 1 - k) : left - (trades - k);
        part = room <= 1 ? 1 : 1 + random.nextLong(Math.max(1, room / 2));
      }
      if (part <= 0 || part > left || (!complete && part >= left)) {
        break; // too small an order for that many partial fills
      }
      left -= part;
      BigDecimal qty = BigDecimal.valueOf(part, 5).setScale(8);
      BigDecimal px = o.price.subtract(BigDecimal.valueOf(random.nextInt(500), 2));
      boolean filled = complete && left == 0;
      reports.add(report(o, "TRADE", filled ? "FILLED" : "PARTIALLY_FILLED", qty, px));
    }
  }

  private String report(Order o, String execution, String status, BigDecimal lastQty, BigDecimal lastPrice) {
    boolean trade = lastQty != null;
    BigDecimal lastQuote = BigDecimal.ZERO.setScale(8);
    if (trade) {
      lastQuote = lastQty.multiply(lastPrice).setScale(8, RoundingMode.DOWN);
      o.filled = o.filled.add(lastQty);
      o.quote = o.quote.add(lastQuote);
    }
    time += 1 + random.nextInt(3);
    StringBuilder b = new StringBuilder(600);
    b.append("{\"subscriptionId\":0,\"event\":{\"e\":\"executionReport\",\"E\":").append(time + 1)
        .append(",\"s\":\"").append(o.symbol).append("\",\"c\":\"").append(o.clientId)
        .append("\",\"S\":\"").append(o.side).append("\",\"o\":\"LIMIT\",\"f\":\"GTC\",\"q\":\"")
        .append(o.quantity.toPlainString()).append("\",\"p\":\"").append(o.price.toPlainString())
        .append("\",\"P\":\"0.00000000\",\"F\":\"0.00000000\",\"g\":-1,\"C\":\"")
        .append("CANCELED".equals(execution) ? o.clientId : "")
        .append("\",\"x\":\"").append(execution).append("\",\"X\":\"").append(status)
        .append("\",\"r\":\"NONE\",\"i\":").append(o.orderId)
        .append(",\"l\":\"").append(trade ? lastQty.toPlainString() : "0.00000000")
        .append("\",\"z\":\"").append(o.filled.toPlainString())
        .append("\",\"L\":\"").append(trade ? lastPrice.toPlainString() : "0.00000000")
        .append("\",\"n\":\"").append(trade ? "0.00000152" : "0").append("\",\"N\":")
        .append(trade ? "\"BNB\"" : "null").append(",\"T\":").append(time)
        .append(",\"t\":").append(trade ? tradeId++ : -1).append(",\"v\":3,\"I\":").append(executionId++)
        .append(",\"w\":").append(!trade || !"FILLED".equals(status)).append(",\"m\":").append(trade && o.side
            .equals("SELL")).append(",\"M\":").append(trade).append(",\"O\":").append(o.created)
        .append(",\"Z\":\"").append(o.quote.toPlainString()).append("\",\"Y\":\"").append(lastQuote.toPlainString())
        .append("\",\"Q\":\"0.00000000\",\"W\":").append(o.created).append(",\"V\":\"EXPIRE_MAKER\"}}");
    return b.toString();
  }

  private final class Order {
    final String symbol;
    final long orderId;
    final String clientId;
    final String side;
    final BigDecimal quantity;
    final BigDecimal price;
    final long created = time;
    BigDecimal filled = BigDecimal.ZERO.setScale(8);
    BigDecimal quote = BigDecimal.ZERO.setScale(8);

    Order(String symbol, long orderId, String clientId, String side, BigDecimal quantity, BigDecimal price) {
      this.symbol = symbol;
      this.orderId = orderId;
      this.clientId = clientId;
      this.side = side;
      this.quantity = quantity;
      this.price = price;
    }
  }
}
