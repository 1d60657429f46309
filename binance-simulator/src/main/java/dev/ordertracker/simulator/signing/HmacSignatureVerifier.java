package dev.ordertracker.simulator.signing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/** HMAC-SHA256, lowercase hex; comparison is case-insensitive and constant-time. */
final class HmacSignatureVerifier implements SignatureVerifier {

  private final Mac mac;

  HmacSignatureVerifier(String secret) {
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  String sign(String payload) {
    return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public boolean verify(String payload, String signature) {
    if (signature == null || signature.length() != 64) {
      return false;
    }
    byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
    byte[] actual = signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, actual);
  }

  @Override
  public KeyType keyType() {
    return KeyType.HMAC;
  }
}
