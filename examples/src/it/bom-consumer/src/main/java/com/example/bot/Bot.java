package com.example.bot;

import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.core.OrderTrackerVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** A user's application: deploys the tracker into its own Vert.x and returns the typed client. */
public final class Bot {
  private Bot() {
  }

  public static Future<OrderTracker> start(Vertx vertx) {
    return vertx.deployVerticle(new OrderTrackerVerticle()).map(id -> OrderTracker.create(vertx));
  }
}
