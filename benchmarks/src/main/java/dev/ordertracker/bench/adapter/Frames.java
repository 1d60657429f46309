package dev.ordertracker.bench.adapter;

import io.vertx.core.json.JsonObject;

/** Realistic executionReport frames (~720 bytes, like the published example with a TRADE). */
final class Frames {
  private Frames() {
  }

  static String[] executionReports(int n) {
    String[] out = new String[n];
    for (int k = 0; k < n; k++) {
      JsonObject e = new JsonObject()
          .put("e", "executionReport").put("E", 1_499_405_658_658L + k).put("s", k % 3 == 0 ? "BTCUSDT" : "ETHUSDT")
          .put("c", "mUvoqJxFIILMdfAW5i" + (1000 + k % 9000)).put("S", k % 2 == 0 ? "BUY" : "SELL").put("o", "LIMIT")
          .put("f", "GTC").put("q", "1.00000000").put("p", "0.1026" + (1000 + k % 9000)).put("P", "0.00000000")
          .put("F", "0.00000000").put("g", -1).put("C", "").put("x", "TRADE").put("X", "PARTIALLY_FILLED")
          .put("r", "NONE").put("i", 4_293_153L + k).put("l", "0.00" + (100000 + k % 900000))
          .put("z", "0.50" + (100000 + k % 900000)).put("L", "0.1026" + (1000 + k % 9000)).put("n", "0.00000152")
          .put("N", "BNB").put("T", 1_499_405_658_657L + k).put("t", 1_000_000L + k).put("v", 3)
          .put("I", 8_641_984L + 2L * k).put("w", true).put("m", k % 2 == 0).put("M", true)
          .put("O", 1_499_405_658_657L).put("Z", "0.05132205").put("Y", "0.00010264").put("Q", "0.00000000")
          .put("W", 1_499_405_658_657L).put("V", "EXPIRE_MAKER");
      out[k] = new JsonObject().put("subscriptionId", 0).put("event", e).encode();
    }
    return out;
  }
}
