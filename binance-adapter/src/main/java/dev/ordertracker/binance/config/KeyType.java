package dev.ordertracker.binance.config;

/** How an account signs its requests. */
public enum KeyType {
  /** HMAC-SHA256 with a secret; lowercase hex signatures. */
  HMAC,
  /** Ed25519 private key (PKCS#8 PEM); base64 signatures; may use session.logon. */
  ED25519,
  /** RSA private key (PKCS#8 PEM), PKCS#1 v1.5 SHA-256; base64 signatures. */
  RSA
}
