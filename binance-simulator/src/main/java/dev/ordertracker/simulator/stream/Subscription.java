package dev.ordertracker.simulator.stream;

import dev.ordertracker.simulator.account.Account;

/** One user data stream subscription: an account's events on one connection under one id. */
public record Subscription(EventSink sink, int id, Account account) {
}
