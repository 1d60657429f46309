package dev.ordertracker.examples.cluster;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetServer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FlushCoalescingTransport} on real loopback sockets: what one event-loop task writes leaves in one flush
 * (the plain transport flushes each message), arrives whole and in order, and accepted connections get the same
 * pipeline as outgoing ones.
 */
class FlushCoalescingTransportTest {
  private static final int MESSAGES = 200;

  @Test
  void messagesWrittenInOneTaskLeaveInOneFlushWholeAndInOrder() throws Exception {
    Vertx vertx = Vertx.builder().withTransport(FlushCoalescingTransport.NIO).build();
    try {
      Exchange e = exchange(vertx);
      assertThat(e.received).isEqualTo(expectedText());
      assertThat(e.flushes).isBetween(1, 3); // one for the task that wrote them all, maybe one trailing it
      assertThat(e.acceptedCoalescing).isTrue();
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void thePlainTransportFlushesEachMessage() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Exchange e = exchange(vertx);
      assertThat(e.received).isEqualTo(expectedText());
      assertThat(e.flushes).isGreaterThanOrEqualTo(MESSAGES); // one per message: what coalescing saves
      assertThat(e.acceptedCoalescing).isFalse();
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  private record Exchange(String received, int flushes, boolean acceptedCoalescing) {
  }

  /** A client writes {@link #MESSAGES} lines in the task that connected it; the server reads them all. */
  private static Exchange exchange(Vertx vertx) throws Exception {
    Promise<String> received = Promise.promise();
    AtomicBoolean acceptedCoalescing = new AtomicBoolean();
    String expected = expectedText();
    NetServer server = vertx.createNetServer().connectHandler(so -> {
      acceptedCoalescing.set(((NetSocketInternal) so).channelHandlerContext().pipeline()
          .get(FlushCoalescingTransport.HANDLER) != null);
      Buffer all = Buffer.buffer();
      so.handler(chunk -> {
        all.appendBuffer(chunk);
        if (all.length() >= expected.length()) {
          received.tryComplete(all.toString());
        }
      });
    });
    int port = server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
    AtomicInteger flushes = new AtomicInteger();
    vertx.createNetClient().connect(port, "127.0.0.1").onSuccess(socket -> {
      // next to the socket, ahead of the coalescing handler: it counts the flushes that reach the socket
      ((NetSocketInternal) socket).channelHandlerContext().pipeline().addFirst("count-flushes",
          new ChannelOutboundHandlerAdapter() {
            @Override
            public void flush(ChannelHandlerContext ctx) {
              flushes.incrementAndGet();
              ctx.flush();
            }
          });
      for (int i = 0; i < MESSAGES; i++) {
        socket.write("message " + i + "\n"); // on the connection's own event loop, in one task
      }
    }).onFailure(received::tryFail);
    String text = received.future().await(10, TimeUnit.SECONDS);
    return new Exchange(text, flushes.get(), acceptedCoalescing.get());
  }

  private static String expectedText() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < MESSAGES; i++) {
      text.append("message ").append(i).append('\n');
    }
    return text.toString();
  }
}
