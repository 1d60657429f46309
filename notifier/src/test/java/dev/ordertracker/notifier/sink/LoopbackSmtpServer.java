package dev.ordertracker.notifier.sink;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal SMTP server (RFC 5321 subset) on 127.0.0.1, port 0, written on a Vert.x NetServer because no test SMTP
 * server is served from the registry this project can reach. It speaks EHLO/HELO, AUTH PLAIN and LOGIN (recording
 * the credentials), MAIL, RCPT, DATA (with dot-unstuffing), RSET, NOOP, QUIT, and records each accepted message.
 */
final class LoopbackSmtpServer {
  record Mail(String authUser, String authPassword, String from, List<String> to, String data) {
  }

  private final Vertx vertx;
  private final LinkedBlockingQueue<Mail> mails = new LinkedBlockingQueue<>();
  private NetServer server;

  LoopbackSmtpServer(Vertx vertx) {
    this.vertx = vertx;
  }

  Future<Integer> start() {
    server = vertx.createNetServer().connectHandler(Session::new);
    return server.listen(0, "127.0.0.1").map(NetServer::actualPort);
  }

  Mail next() throws InterruptedException {
    Mail m = mails.poll(10, TimeUnit.SECONDS);
    if (m == null) {
      throw new AssertionError("no mail within 10 s");
    }
    return m;
  }

  Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private final class Session {
    private final NetSocket socket;
    private String user;
    private String password;
    private String from;
    private final List<String> to = new ArrayList<>();
    private StringBuilder data;
    private String authStep;

    Session(NetSocket socket) {
      this.socket = socket;
      socket.handler(RecordParser.newDelimited("\r\n", this::line));
      reply("220 localhost ESMTP loopback-test");
    }

    private void reply(String text) {
      socket.write(text + "\r\n");
    }

    private void line(Buffer buffer) {
      String line = buffer.toString(StandardCharsets.UTF_8);
      if (data != null) {
        if (line.equals(".")) {
          mails.add(new Mail(user, password, from, List.copyOf(to), data.toString()));
          data = null;
          reply("250 2.0.0 queued");
        } else {
          data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
        }
        return;
      }
      if (authStep != null) {
        auth(line);
        return;
      }
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.startsWith("EHLO")) {
        reply("250-localhost");
        reply("250-AUTH PLAIN LOGIN");
        reply("250 8BITMIME");
      } else if (upper.startsWith("HELO")) {
        reply("250 localhost");
      } else if (upper.startsWith("AUTH PLAIN")) {
        String rest = line.substring("AUTH PLAIN".length()).trim();
        if (rest.isEmpty()) {
          authStep = "plain";
          reply("334 ");
        } else {
          plain(rest);
        }
      } else if (upper.startsWith("AUTH LOGIN")) {
        String rest = line.substring("AUTH LOGIN".length()).trim();
        if (rest.isEmpty()) {
          authStep = "login-user";
          reply("334 VXNlcm5hbWU6");
        } else {
          user = decode(rest);
          authStep = "login-password";
          reply("334 UGFzc3dvcmQ6");
        }
      } else if (upper.startsWith("MAIL FROM:")) {
        from = address(line);
        to.clear();
        reply("250 2.1.0 ok");
      } else if (upper.startsWith("RCPT TO:")) {
        to.add(address(line));
        reply("250 2.1.5 ok");
      } else if (upper.equals("DATA")) {
        data = new StringBuilder();
        reply("354 end data with <CR><LF>.<CR><LF>");
      } else if (upper.equals("RSET") || upper.equals("NOOP")) {
        reply("250 ok");
      } else if (upper.equals("QUIT")) {
        reply("221 bye");
        socket.close();
      } else {
        reply("502 5.5.2 command not implemented");
      }
    }

    private void auth(String line) {
      switch (authStep) {
        case "plain" -> {
          authStep = null;
          plain(line);
        }
        case "login-user" -> {
          user = decode(line);
          authStep = "login-password";
          reply("334 UGFzc3dvcmQ6");
        }
        default -> {
          password = decode(line);
          authStep = null;
          reply("235 2.7.0 authenticated");
        }
      }
    }

    private void plain(String base64) {
      String[] parts = decode(base64).split("\0", -1); // authzid NUL authcid NUL password
      user = parts[1];
      password = parts[2];
      reply("235 2.7.0 authenticated");
    }

    private String decode(String base64) {
      return new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
    }

    private String address(String line) {
      int lt = line.indexOf('<');
      int gt = line.indexOf('>');
      return lt >= 0 && gt > lt ? line.substring(lt + 1, gt) : line.substring(line.indexOf(':') + 1).trim();
    }
  }
}
