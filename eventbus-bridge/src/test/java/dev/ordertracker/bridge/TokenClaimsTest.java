package dev.ordertracker.bridge;

import dev.ordertracker.api.EventType;
import dev.ordertracker.bridge.BridgeTestBed.Transport;
import dev.ordertracker.bridge.client.BridgeClient;
import dev.ordertracker.bridge.security.JwtSettings;
import dev.ordertracker.bridge.security.TokenAuthenticator;
import dev.ordertracker.bridge.security.TrackerActions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import static dev.ordertracker.bridge.BridgeTestBed.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15 items 4 and 9: the registered claims of a token are checked (nbf, iat with leeway, aud, iss, exp's
 * type), keys too weak are refused at start-up, and an expired token stops receiving events on both bridges.
 */
@ExtendWith(VertxExtension.class)
class TokenClaimsTest {

  /** Signs any payload with the test bed's secret (what a token issuer outside the bridge would do). */
  private static String sign(Vertx vertx, JsonObject payload) {
    JWTAuth auth = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions()
        .setAlgorithm("HS256").setBuffer(BridgeTestBed.SECRET)));
    return auth.generateToken(payload, new JWTOptions().setAlgorithm("HS256").setNoTimestamp(true));
  }

  private static JsonObject claims(long expInSeconds) {
    long now = Instant.now().getEpochSecond();
    return new JsonObject().put("sub", "someone").put("exp", now + expInSeconds);
  }

  private static String stats(BridgeClient client, String token) {
    JsonObject answer = await(client.request(BridgeTestBed.ADDRESSES.tracker(), new JsonObject()
        .put(TrackerActions.HEADER_ACTION, TrackerActions.GET_STATS).put("token", token), new JsonObject()));
    return "err".equals(answer.getString("type")) ? answer.getString("message") : "ok";
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void registeredClaimsAreChecked(Transport transport, Vertx vertx) {
    BridgeTestBed bed = BridgeTestBed.start(vertx);
    BridgeClient client = bed.client(transport, null, new FrameRecorder());
    long now = Instant.now().getEpochSecond();
    assertThat(stats(client, sign(vertx, claims(3600)))).isEqualTo("ok");
    assertThat(stats(client, sign(vertx, claims(3600).put("nbf", now + 3600)))).as("nbf in the future")
        .isEqualTo("auth_invalid");
    assertThat(stats(client, sign(vertx, claims(3600).put("nbf", now + 10)))).as("nbf within the leeway")
        .isEqualTo("ok");
    assertThat(stats(client, sign(vertx, claims(3600).put("iat", now + 3600)))).as("iat in the future")
        .isEqualTo("auth_invalid");
    assertThat(stats(client, sign(vertx, claims(3600).put("aud", "another-service")))).as("another audience")
        .isEqualTo("auth_invalid");
    assertThat(stats(client, sign(vertx, claims(3600).put("aud", new JsonArray().add("x").add("order-tracker")))))
        .as("an audience list naming the bridge").isEqualTo("ok");
    assertThat(stats(client, sign(vertx, claims(3600).put("nbf", "now")))).as("nbf a string")
        .isEqualTo("auth_invalid");
  }

  /** Issue 15 (Low): before, such a token threw inside the frame handler and the request was never answered. */
  @ParameterizedTest
  @EnumSource(Transport.class)
  void aTokenWhoseExpIsAStringIsAnsweredAuthInvalid(Transport transport, Vertx vertx) {
    BridgeTestBed bed = BridgeTestBed.start(vertx);
    BridgeClient client = bed.client(transport, null, new FrameRecorder());
    assertThat(stats(client, sign(vertx, claims(3600).put("exp", "tomorrow")))).isEqualTo("auth_invalid");
    assertThat(stats(client, sign(vertx, claims(3600).put("exp", String.valueOf(Instant.now().getEpochSecond()
        + 3600))))).isEqualTo("auth_invalid");
    assertThat(stats(client, bed.token("after"))).isEqualTo("ok");
  }

  @Test
  void aRequiredIssuerMustBeNamed(Vertx vertx) {
    BridgeTestBed bed = BridgeTestBed.start(vertx, new JsonObject().put("jwt", new JsonObject()
        .put("secret", BridgeTestBed.SECRET).put("issuer", "https://issuer.example")));
    BridgeClient client = bed.client(Transport.TCP, null, new FrameRecorder());
    assertThat(stats(client, sign(vertx, claims(3600)))).isEqualTo("auth_invalid");
    assertThat(stats(client, sign(vertx, claims(3600).put("iss", "https://other.example")))).isEqualTo("auth_invalid");
    assertThat(stats(client, sign(vertx, claims(3600).put("iss", "https://issuer.example")))).isEqualTo("ok");
  }

  @Test
  void weakSecretsAndKeysAreRefused(Vertx vertx) throws Exception {
    assertThatThrownBy(() -> new JwtSettings("HS256", "x".repeat(31), null, null))
        .hasMessageStartingWith("jwt.secret:");
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(1024);
    String weakRsa = pem(rsa.generateKeyPair().getPublic().getEncoded());
    assertThatThrownBy(() -> TokenAuthenticator.create(vertx, new JwtSettings("RS256", null, weakRsa, null),
        Clock.systemUTC())).hasMessageContaining("jwt.public_key_pem: RSA key of 1024 bits");
    rsa.initialize(2048);
    TokenAuthenticator.create(vertx, new JwtSettings("RS256", null, pem(rsa.generateKeyPair().getPublic()
        .getEncoded()), null), Clock.systemUTC());
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    TokenAuthenticator.create(vertx, new JwtSettings("ES256", null, pem(ec.generateKeyPair().getPublic()
        .getEncoded()), null), Clock.systemUTC());
  }

  private static String pem(byte[] der) {
    return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anExpiredTokenStopsReceivingAndItsConnectionIsClosed(Transport transport, Vertx vertx) {
    BridgeTestBed bed = BridgeTestBed.start(vertx);
    FrameRecorder frames = new FrameRecorder();
    String token = sign(vertx, claims(4));
    BridgeClient client = bed.client(transport, token, frames);
    String filled = bed.eventAddress(EventType.ORDER_FILLED);
    await(client.register(filled));
    assertThat(stats(client, token)).isEqualTo("ok"); // the registration is in place
    bed.place("E-1", "BTCUSDT", "alice");
    bed.fill("E-1", "BTCUSDT");
    frames.await(FrameRecorder.event("E-1", "FILLED"), "a fill while the token is valid");
    bed.eventually(client::isClosed, "the connection closed at the token's exp");
    assertThat(frames.any(FrameRecorder.err("auth_expired"))).isTrue();
    bed.place("E-2", "BTCUSDT", "alice");
    bed.fill("E-2", "BTCUSDT");
    await(Future.succeededFuture());
    assertThat(frames.any(FrameRecorder.event("E-2", "FILLED"))).isFalse();
  }
}
