package dev.ordertracker.binance.signing;

import dev.ordertracker.binance.config.AccountConfig;
import dev.ordertracker.binance.config.KeyLoader;
import dev.ordertracker.binance.config.KeyType;
import dev.ordertracker.binance.support.Resources;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The published signing examples: every vector's payload and signature, for REST and the WebSocket API. */
class SignatureVectorsTest {
  private static final JsonObject VECTORS = Resources.json("signature-vectors.json");
  private final RequestSigner signer = KeyLoader.load(AccountConfig.hmac("demo", VECTORS.getString("apiKey"),
      VECTORS.getString("secretKey")));

  @Test
  void everyVectorSignsToTheExpectedSignature() {
    JsonArray vectors = VECTORS.getJsonArray("vectors");
    assertThat(vectors).hasSize(19);
    int ws = 0;
    for (int i = 0; i < vectors.size(); i++) {
      JsonObject v = vectors.getJsonObject(i);
      String payload = v.getString("payload");
      if ("ws-api".equals(v.getString("api"))) {
        Map<String, Object> params = new LinkedHashMap<>(v.getJsonObject("params").getMap());
        assertThat(SigningPayloads.wsApi(params)).as(v.getString("method")).isEqualTo(payload);
        ws++;
      }
      assertThat(signer.sign(payload)).as(v.getString("method")).isEqualTo(v.getString("expected_signature"));
    }
    assertThat(ws).isEqualTo(17);
  }

  @Test
  void restQueryIsPercentEncodedInTheOrderGiven() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("symbol", "１２３４５６");
    params.put("side", "BUY");
    params.put("type", "LIMIT");
    params.put("timeInForce", "GTC");
    params.put("quantity", "1");
    params.put("price", "0.1");
    params.put("recvWindow", 5000);
    params.put("timestamp", 1499827319559L);
    String query = SigningPayloads.restQuery(params);
    assertThat(query).isEqualTo(VECTORS.getJsonArray("vectors").getJsonObject(1).getString("payload"));
    assertThat(signer.sign(query)).isEqualTo("e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3");
  }

  @Test
  void ed25519AndRsaKeysFromPemSignVerifiably() throws Exception {
    for (String algorithm : new String[] {"Ed25519", "RSA"}) {
      KeyPair pair = KeyPairGenerator.getInstance(algorithm).generateKeyPair();
      String pem = "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
      RequestSigner s = KeyLoader.load(AccountConfig.privateKeyPem("a", "key", pem, null));
      assertThat(s.keyType()).isEqualTo(algorithm.equals("RSA") ? KeyType.RSA : KeyType.ED25519);
      String payload = "apiKey=key&timestamp=1";
      Signature verify = Signature.getInstance(algorithm.equals("RSA") ? "SHA256withRSA" : "Ed25519");
      verify.initVerify(pair.getPublic());
      verify.update(payload.getBytes(StandardCharsets.UTF_8));
      assertThat(verify.verify(Base64.getDecoder().decode(s.sign(payload)))).isTrue();
      assertThat(s.toString()).doesNotContain(pem.substring(30, 50));
    }
  }
}
