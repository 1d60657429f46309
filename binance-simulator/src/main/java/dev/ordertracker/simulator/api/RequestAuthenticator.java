package dev.ordertracker.simulator.api;

import dev.ordertracker.simulator.account.Account;
import dev.ordertracker.simulator.account.AccountRegistry;

/**
 * Authenticates signed requests as Binance does: API key format and lookup (-2014 / -2015), timestamp and
 * recvWindow (-1021, -1131), signature over the payload (-1022).
 */
public final class RequestAuthenticator {

  public static final long DEFAULT_RECV_WINDOW_MS = 5_000;
  public static final long MAX_RECV_WINDOW_MS = 60_000;
  private static final long MAX_AHEAD_MS = 1_000;

  private final AccountRegistry accounts;

  public RequestAuthenticator(AccountRegistry accounts) {
    this.accounts = accounts;
  }

  /** Looks up an API key: -2014 when malformed, -2015 when unknown. */
  public Account account(String apiKey) {
    if (apiKey == null || apiKey.isEmpty() || apiKey.length() > 128 || !apiKey.chars().allMatch(
        c -> c < 128 && Character.isLetterOrDigit(c))) {
      throw ApiException.apiKeyFormat();
    }
    return accounts.byApiKey(apiKey).orElseThrow(ApiException::invalidApiKey);
  }

  /** Checks {@code timestamp} and {@code recvWindow} against the server clock. */
  public void checkTimestamp(RequestParams params, long now) {
    long timestamp = params.requiredLong("timestamp");
    Long window = params.longValue("recvWindow");
    long recvWindow = window == null ? DEFAULT_RECV_WINDOW_MS : window;
    if (recvWindow > MAX_RECV_WINDOW_MS) {
      throw ApiException.recvWindowTooLarge();
    }
    if (timestamp > 10_000_000_000_000L) {
      timestamp = timestamp / 1000; // microseconds
    }
    if (timestamp - now > MAX_AHEAD_MS) {
      throw ApiException.timestampAhead();
    }
    if (now - timestamp > recvWindow) {
      throw ApiException.timestampOutsideWindow();
    }
  }

  /** Full check of a signed request whose signing payload is {@code payload}. */
  public Account authenticate(String apiKey, RequestParams params, String payload, String signature, long now) {
    Account account = account(apiKey);
    if (signature == null || signature.isEmpty()) {
      throw ApiException.missing("signature");
    }
    checkTimestamp(params, now);
    if (!account.verifier().verify(payload, signature)) {
      throw ApiException.badSignature();
    }
    return account;
  }
}
