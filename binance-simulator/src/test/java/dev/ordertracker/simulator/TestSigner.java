package dev.ordertracker.simulator;

import dev.ordertracker.simulator.signing.SigningPayloads;
import io.vertx.core.json.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;

/** Signs test requests like a client would: HMAC hex, or Ed25519 / RSA base64. */
final class TestSigner {

  private final String secret;
  private final PrivateKey privateKey;
  private final String algorithm;

  private TestSigner(String secret, PrivateKey privateKey, String algorithm) {
    this.secret = secret;
    this.privateKey = privateKey;
    this.algorithm = algorithm;
  }

  static TestSigner hmac(String secret) {
    return new TestSigner(secret, null, null);
  }

  static TestSigner demo() {
    return hmac(AccountOptions.DEMO_SECRET);
  }

  static TestSigner ed25519(PrivateKey key) {
    return new TestSigner(null, key, "Ed25519");
  }

  static TestSigner rsa(PrivateKey key) {
    return new TestSigner(null, key, "SHA256withRSA");
  }

  String sign(String payload) {
    try {
      if (secret != null) {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
      }
      Signature s = Signature.getInstance(algorithm);
      s.initSign(privateKey);
      s.update(payload.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds apiKey and timestamp (unless present) and the signature to WebSocket API params. */
  JsonObject signWs(String apiKey, JsonObject params) {
    JsonObject p = params.copy();
    if (apiKey != null) {
      p.put("apiKey", apiKey);
    }
    if (!p.containsKey("timestamp")) {
      p.put("timestamp", System.currentTimeMillis());
    }
    p.put("signature", sign(SigningPayloads.wsApi(p)));
    return p;
  }

  static String pem(byte[] x509) {
    return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(x509) + "\n-----END PUBLIC KEY-----\n";
  }
}
