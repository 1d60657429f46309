package dev.ordertracker.binance.config;

import dev.ordertracker.binance.signing.RequestSigner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Turns an {@link AccountConfig} into a {@link RequestSigner}. Reading a key file blocks: call it from
 * {@code executeBlocking}. Error messages name the account and the option, never the key material.
 */
public final class KeyLoader {
  private KeyLoader() {
  }

  public static RequestSigner load(AccountConfig account) {
    String path = "accounts[" + account.name() + "]";
    if (account.keyType() == KeyType.HMAC) {
      return RequestSigner.hmac(account.apiKey(), account.secret());
    }
    String pem;
    String option;
    if (account.privateKeyFile() != null) {
      option = path + "." + AccountConfig.PRIVATE_KEY_FILE;
      try {
        pem = Files.readString(Path.of(account.privateKeyFile()), StandardCharsets.US_ASCII);
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(option + ": cannot read '" + account.privateKeyFile() + "' ("
            + e.getClass().getSimpleName() + ")");
      }
    } else {
      option = path + "." + AccountConfig.PRIVATE_KEY_PEM;
      pem = account.privateKeyPem();
    }
    if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN OPENSSH PRIVATE KEY")) {
      throw new IllegalArgumentException(option + ": PKCS#1/OpenSSH keys are not supported; convert with "
          + "'openssl pkcs8 -topk8 -nocrypt' to a PKCS#8 'BEGIN PRIVATE KEY' PEM");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": malformed PEM (bad base64)");
    }
    KeyType type = account.keyType();
    if (type == null || type == KeyType.ED25519) {
      PrivateKey key = tryKey("Ed25519", der);
      if (key != null) {
        return RequestSigner.ed25519(account.apiKey(), key);
      }
    }
    if (type == null || type == KeyType.RSA) {
      PrivateKey key = tryKey("RSA", der);
      if (key != null) {
        return RequestSigner.rsa(account.apiKey(), key);
      }
    }
    throw new IllegalArgumentException(option + ": not a PKCS#8 " + (type == null ? "Ed25519 or RSA" : type)
        + " private key");
  }

  private static PrivateKey tryKey(String algorithm, byte[] der) {
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | RuntimeException e) {
      return null; // the caller reports "not a key of this type" for every algorithm it tried
    }
  }
}
