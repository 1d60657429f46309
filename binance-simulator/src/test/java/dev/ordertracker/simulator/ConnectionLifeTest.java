package dev.ordertracker.simulator;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Server pings, pong timeout and maximum connection age, observed with a raw WebSocket client over TCP. */
class ConnectionLifeTest extends SimulatorTestBase {

  /** A minimal WebSocket client on a NetSocket that can answer pings or not. */
  static final class RawClient {
    final AtomicInteger pings = new AtomicInteger();
    final Promise<Void> closed = Promise.promise();
    final Promise<Void> enoughPings = Promise.promise();
    private Buffer pending = Buffer.buffer();
    private boolean upgraded;
    private NetSocket socket;
    private io.vertx.core.net.NetClient client;

    void close() {
      socket.close();
    }

    RawClient(Vertx vertx, int port, boolean answerPings, int wantedPings) throws Exception {
      client = vertx.createNetClient();
      socket = client.connect(port, "127.0.0.1").await(10, TimeUnit.SECONDS);
      socket.closeHandler(v -> closed.tryComplete());
      socket.handler(data -> {
        pending.appendBuffer(data);
        if (!upgraded) {
          String s = pending.toString(StandardCharsets.ISO_8859_1);
          int end = s.indexOf("\r\n\r\n");
          if (end < 0) {
            return;
          }
          upgraded = true;
          pending = pending.getBuffer(end + 4, pending.length());
        }
        while (pending.length() >= 2) {
          int opcode = pending.getByte(0) & 0x0F;
          int len = pending.getByte(1) & 0x7F;
          int header = 2;
          if (len == 126) {
            if (pending.length() < 4) {
              return;
            }
            len = pending.getUnsignedShort(2);
            header = 4;
          } else if (len == 127) {
            len = (int) pending.getLong(2);
            header = 10;
          }
          if (pending.length() < header + len) {
            return;
          }
          Buffer payload = pending.getBuffer(header, header + len);
          pending = pending.getBuffer(header + len, pending.length());
          if (opcode == 0x9) {
            if (pings.incrementAndGet() >= wantedPings) {
              enoughPings.tryComplete();
            }
            if (answerPings) {
              Buffer pong = Buffer.buffer().appendByte((byte) 0x8A).appendByte((byte) (0x80 | payload.length()))
                  .appendInt(0).appendBuffer(payload);
              socket.write(pong);
            }
          } else if (opcode == 0x8) {
            closed.tryComplete();
            socket.close();
          }
        }
      });
      socket.write("GET /ws-api/v3 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    }
  }

  @Test
  void silentClientIsDroppedAfterThePongTimeout(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet().setPingIntervalMs(50).setPongTimeoutMs(300));
    long t0 = System.nanoTime();
    RawClient silent = new RawClient(vertx, sim.port(), false, 1);
    silent.closed.future().await(10, TimeUnit.SECONDS);
    long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
    assertThat(silent.pings.get()).isGreaterThanOrEqualTo(2);
    assertThat(elapsedMs).isGreaterThanOrEqualTo(300);
  }

  @Test
  void answeringClientStaysConnected(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet().setPingIntervalMs(50).setPongTimeoutMs(1000));
    RawClient polite = new RawClient(vertx, sim.port(), true, 40);
    polite.enoughPings.future().await(10, TimeUnit.SECONDS); // 40 pings = ~2 s, twice the pong timeout
    assertThat(polite.closed.future().isComplete()).isFalse();
    polite.close();
  }

  @Test
  void connectionIsClosedAtItsMaximumAge(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet().setMaxConnectionAgeMs(400));
    long t0 = System.nanoTime();
    WsTestClient c = connect(vertx, sim);
    c.subscribeDemo();
    c.closed().await(10, TimeUnit.SECONDS);
    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(350);
  }
}
