package dev.ordertracker.binance.replay;

import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.binance.codec.ExecutionReport;

import java.util.Arrays;

/**
 * The executionReports of one {@link Chunk}, decoded, in input order: each with its account, its
 * {@link OrderUpdate} (null when it changes nothing the tracker models) or why it was refused. The edge dedup is
 * not applied yet: it needs the whole stream in order, so the tracker's thread applies it.
 */
final class DecodedBatch {
  ExecutionReport[] reports;
  String[] accounts;
  OrderUpdate[] updates;
  String[] refusals;
  int size;
  int frames;
  final long bytesRead;
  int decodeErrors;
  int otherEvents;

  DecodedBatch(int capacity, long bytesRead) {
    this.reports = new ExecutionReport[capacity];
    this.accounts = new String[capacity];
    this.updates = new OrderUpdate[capacity];
    this.refusals = new String[capacity];
    this.bytesRead = bytesRead;
  }

  void add(ExecutionReport report, String account, OrderUpdate update, String refusal) {
    if (size == reports.length) {
      int capacity = size * 2;
      reports = Arrays.copyOf(reports, capacity);
      accounts = Arrays.copyOf(accounts, capacity);
      updates = Arrays.copyOf(updates, capacity);
      refusals = Arrays.copyOf(refusals, capacity);
    }
    reports[size] = report;
    accounts[size] = account;
    updates[size] = update;
    refusals[size] = refusal;
    size++;
  }
}
