package dev.ordertracker.simulator;

import dev.ordertracker.simulator.signing.SignatureVerifier;
import dev.ordertracker.simulator.signing.SigningPayloads;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureVectorsTest {

  @Test
  void everyPublishedVectorVerifies() {
    JsonObject file = BinanceFixtures.json("signature-vectors.json");
    assertThat(file.getString("apiKey")).isEqualTo(AccountOptions.DEMO_API_KEY);
    assertThat(file.getString("secretKey")).isEqualTo(AccountOptions.DEMO_SECRET);
    SignatureVerifier verifier = SignatureVerifier.hmac(file.getString("secretKey"));
    int rest = 0;
    int ws = 0;
    for (Object o : file.getJsonArray("vectors")) {
      JsonObject v = (JsonObject) o;
      String expected = v.getString("expected_signature");
      String payload = v.getString("payload");
      if ("ws-api".equals(v.getString("api"))) {
        JsonObject params = v.getJsonObject("params");
        assertThat(SigningPayloads.wsApi(params)).as(v.getString("method")).isEqualTo(payload);
        assertThat(params.getString("signature")).isEqualTo(expected);
        ws++;
      } else {
        assertThat(SigningPayloads.rest(payload + "&signature=" + expected, "")).isEqualTo(payload);
        rest++;
      }
      assertThat(verifier.verify(payload, expected)).as(v.getString("method")).isTrue();
      assertThat(verifier.verify(payload, expected.toUpperCase(Locale.ROOT))).isTrue();
      assertThat(verifier.verify(payload + "x", expected)).isFalse();
    }
    assertThat(rest).isEqualTo(2);
    assertThat(ws).isEqualTo(17);
  }

  @Test
  void restPayloadIsQueryThenBodyWithoutSignature() {
    assertThat(SigningPayloads.rest("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC",
        "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=abc"))
        .isEqualTo("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTCquantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559");
    assertThat(SigningPayloads.rawSignature("a=1&signature=x%2By")).isEqualTo("x%2By");
  }

  @Test
  void ed25519AndRsaSignaturesVerify() throws Exception {
    String payload = "apiKey=k&timestamp=1";
    KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    SignatureVerifier edVerifier = SignatureVerifier.ed25519(TestSigner.pem(ed.getPublic().getEncoded()));
    String edSig = TestSigner.ed25519(ed.getPrivate()).sign(payload);
    assertThat(edVerifier.verify(payload, edSig)).isTrue();
    assertThat(edVerifier.verify(payload + "&x=1", edSig)).isFalse();
    assertThat(edVerifier.verify(payload, "not base64!")).isFalse();

    KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    SignatureVerifier rsaVerifier = SignatureVerifier.rsa(TestSigner.pem(rsa.getPublic().getEncoded()));
    String rsaSig = TestSigner.rsa(rsa.getPrivate()).sign(payload);
    assertThat(rsaVerifier.verify(payload, rsaSig)).isTrue();
    assertThat(rsaVerifier.verify(payload, edSig)).isFalse();
  }
}
