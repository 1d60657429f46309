package dev.ordertracker.binance.replay;

import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.binance.codec.ExecutionReport;

/**
 * The executionReports of one {@link LineBatch}, decoded, in input order: each with its account, its
 * {@link OrderUpdate} (null when it changes nothing the tracker models) or why it was refused. The edge dedup is
 * not applied yet: it needs the whole stream in order, so the tracker's thread applies it.
 */
final class DecodedBatch {
  final ExecutionReport[] reports;
  final String[] accounts;
  final OrderUpdate[] updates;
  final String[] refusals;
  int size;
  final int frames;
  final long charsRead;
  int decodeErrors;
  int otherEvents;

  DecodedBatch(int capacity, int frames, long charsRead) {
    this.reports = new ExecutionReport[capacity];
    this.accounts = new String[capacity];
    this.updates = new OrderUpdate[capacity];
    this.refusals = new String[capacity];
    this.frames = frames;
    this.charsRead = charsRead;
  }

  void add(ExecutionReport report, String account, OrderUpdate update, String refusal) {
    reports[size] = report;
    accounts[size] = account;
    updates[size] = update;
    refusals[size] = refusal;
    size++;
  }
}
