package dev.ordertracker.binance.replay;

/** Non-blank input lines in input order; {@code charsRead}: how much of the input had been read after the last one. */
record LineBatch(String[] lines, int size, long charsRead) {
}
