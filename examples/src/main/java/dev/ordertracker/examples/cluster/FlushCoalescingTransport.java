package dev.ordertracker.examples.cluster;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.impl.transports.NioTransport;
import io.vertx.core.transport.Transport;

import java.util.List;

/**
 * Vert.x's NIO transport with one socket flush per event-loop task instead of one per message: every TCP connection
 * of a Vert.x instance built with it ({@code Vertx.builder().withTransport(FlushCoalescingTransport.NIO)}) starts its
 * pipeline with Netty's {@link FlushConsolidationHandler}, which holds a flush asked for outside a read until the
 * current event-loop task ends (or {@value #MAX_HELD_FLUSHES} flushes were held), then flushes once.
 *
 * <p>Why: Vert.x flushes every message written from the connection's own event loop at once, and a cluster
 * connection is opened on the event loop of its first sender — usually the node's busiest publisher. Each event then
 * costs a {@code write} system call (31 % of a publishing event loop at 130 k events/s, issue 18). Held until the
 * task ends, the events one task publishes leave in one system call: up to +44–49 % events/s across nodes, 130 k/s
 * sustained. The price is latency: an event waits for the rest of its task (at 10 k events/s in 1 ms ticks, p50
 * 64–91 → 122–164 µs, p99 0.8–1.3 → 0.9–1.9 ms; examples/README-cluster.md). Hence off by default, and a
 * whole-instance choice: it applies to every connection of that Vert.x (event bus, bridge, HTTP and WebSocket clients
 * alike), so a node that also places orders keeps it off.
 * Reads are untouched; domain sockets and datagrams are the plain NIO transport's.
 */
public final class FlushCoalescingTransport implements Transport {
  /** The one instance: it holds no state of its own. */
  public static final FlushCoalescingTransport NIO = new FlushCoalescingTransport();
  /** Flushes held at most before one goes out anyway (Netty's default). */
  static final int MAX_HELD_FLUSHES = FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES;
  /** The handler's name in each pipeline. */
  static final String HANDLER = "flush-coalescing";

  private final io.vertx.core.spi.transport.Transport implementation = new Coalescing();

  private FlushCoalescingTransport() {
  }

  @Override
  public String name() {
    return "nio-flush-coalescing";
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Throwable unavailabilityCause() {
    return null;
  }

  @Override
  public io.vertx.core.spi.transport.Transport implementation() {
    return implementation;
  }

  private static <C extends Channel> C coalescing(C channel) {
    // first in the pipeline, next to the socket: it sees every flush the handlers behind it pass on (TLS included)
    channel.pipeline().addFirst(HANDLER, new FlushConsolidationHandler(MAX_HELD_FLUSHES, true));
    return channel;
  }

  /**
   * Vert.x's own NIO transport (domain sockets, datagrams, and what Vert.x asks of an NIO transport: it is not a
   * native one) with TCP channels, outgoing and accepted, made {@link #coalescing}.
   */
  private static final class Coalescing extends NioTransport {
    @Override
    public ChannelFactory<? extends Channel> channelFactory(boolean domainSocket) {
      return domainSocket ? super.channelFactory(true) : () -> coalescing(new NioSocketChannel());
    }

    @Override
    public ChannelFactory<? extends ServerChannel> serverChannelFactory(boolean domainSocket) {
      return domainSocket ? super.serverChannelFactory(true) : CoalescingServerChannel::new;
    }
  }

  /** A server channel whose accepted connections are {@link #coalescing}. */
  private static final class CoalescingServerChannel extends NioServerSocketChannel {
    @Override
    protected int doReadMessages(List<Object> accepted) throws Exception {
      int from = accepted.size();
      int n = super.doReadMessages(accepted);
      for (int i = from; i < accepted.size(); i++) {
        if (accepted.get(i) instanceof Channel child) {
          coalescing(child);
        }
      }
      return n;
    }
  }
}
