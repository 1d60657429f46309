package dev.ordertracker.bridge.security;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Refuses verification keys too weak to trust: RSA under 2048 bits, EC under 256 bits (P-256). Parses the PEM
 * public key ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo) with the JDK; CPU work, done once at
 * start-up off the event loop.
 */
final class KeySizes {
  static final int MIN_RSA_BITS = 2048;
  static final int MIN_EC_BITS = 256;

  private KeySizes() {
  }

  /** @throws IllegalArgumentException naming jwt.public_key_pem when the key is unreadable or too small */
  static void check(String algorithm, String publicKeyPem) {
    boolean rsa = algorithm.startsWith("RS");
    PublicKey key = parse(rsa ? "RSA" : "EC", publicKeyPem);
    if (rsa) {
      BigInteger modulus = ((RSAPublicKey) key).getModulus();
      if (modulus.bitLength() < MIN_RSA_BITS) {
        throw new IllegalArgumentException("jwt.public_key_pem: RSA key of " + modulus.bitLength()
            + " bits, at least " + MIN_RSA_BITS + " required");
      }
    } else {
      int bits = ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize();
      if (bits < MIN_EC_BITS) {
        throw new IllegalArgumentException("jwt.public_key_pem: EC key of " + bits + " bits, at least P-256 required");
      }
    }
  }

  private static PublicKey parse(String type, String pem) {
    String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      // no key material in the message
      throw new IllegalArgumentException("jwt.public_key_pem: not a readable " + type + " public key (PEM, BEGIN PUBLIC KEY)");
    }
  }
}
