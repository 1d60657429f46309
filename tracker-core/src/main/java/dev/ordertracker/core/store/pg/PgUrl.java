package dev.ordertracker.core.store.pg;

import io.vertx.pgclient.PgConnectOptions;

import java.util.regex.Pattern;

/**
 * Reads a {@code pg_url} ({@code postgresql://user:password@host:port/db?…}) into connect options, and the one
 * place that prints such a URL: {@link #redact} hides the password in the user-info and in a {@code password=}
 * parameter, whether or not the URL is well formed. A malformed URL fails with the redacted form only (the
 * driver's own message quotes the URL, password included, so it is never passed on).
 */
public final class PgUrl {
  private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(://[^:/@?#]*):[^@/?#]*@");
  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&]password=)[^&#]*");

  private PgUrl() {
  }

  /** @throws IllegalArgumentException with the redacted URL (never the password) when it is not a valid URL */
  public static PgConnectOptions parse(String url) {
    try {
      return PgConnectOptions.fromUri(url);
    } catch (RuntimeException e) {
      // Not chained: the cause's message would carry the password.
      throw new IllegalArgumentException("store.pg_url is not a valid postgresql://user:password@host:port/db URL: "
          + redact(url) + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  public static String redact(String url) {
    if (url == null) {
      return null;
    }
    String out = USER_INFO_PASSWORD.matcher(url).replaceAll("$1:***@");
    return PASSWORD_PARAMETER.matcher(out).replaceAll("$1***");
  }
}
