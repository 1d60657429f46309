package dev.ordertracker.simulator.signing;

/** The three API key types Binance accepts. */
public enum KeyType {
  HMAC, ED25519, RSA
}
