package dev.ordertracker.simulator.stream;

import dev.ordertracker.simulator.account.Account;

/**
 * One user data stream subscription: an account's events on one connection under one id; {@code viaLogon} when made
 * by {@code userDataStream.subscribe} on a logged-on session (it ends with {@code session.logout}).
 */
public record Subscription(EventSink sink, int id, Account account, boolean viaLogon) {
}
