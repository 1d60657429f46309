package dev.ordertracker.notifier.sink;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what the notifier logs (java.util.logging, which System.Logger uses by default). */
final class LogCapture extends Handler implements AutoCloseable {
  private final Logger logger = Logger.getLogger("dev.ordertracker.notifier");
  private final Level previous = logger.getLevel();
  private final List<String> lines = new CopyOnWriteArrayList<>();

  LogCapture() {
    logger.setLevel(Level.ALL);
    logger.addHandler(this);
  }

  @Override
  public void publish(LogRecord record) {
    String m = record.getMessage();
    if (record.getParameters() != null) {
      m = java.text.MessageFormat.format(m, record.getParameters());
    }
    lines.add(record.getLevel() + " " + m + (record.getThrown() == null ? "" : " " + record.getThrown()));
  }

  List<String> lines() {
    return lines;
  }

  String all() {
    return String.join("\n", lines);
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setLevel(previous);
  }
}
