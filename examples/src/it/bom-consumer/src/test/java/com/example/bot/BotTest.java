package com.example.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ordertracker.api.TrackerStats;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BotTest {
  @Test
  void theTrackerTakenThroughTheBomAnswers() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      TrackerStats stats = Bot.start(vertx).compose(tracker -> tracker.getStats())
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      assertEquals(0L, stats.currentlyActive());
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
