package dev.clauderelay.gateway.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An upstream the tests script byte by byte: a raw HTTP/1.1 server on 127.0.0.1 (one request per
 * connection) that records every request and answers what the test's script says, including what no
 * well-behaved server does: die in the middle of an event, stall, or notice that the relay hung up
 * on it.
 */
final class ScriptedUpstream implements AutoCloseable {

  /** A request as the upstream received it. */
  record Received(String method, String target, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** How to answer one request. */
  interface Reply {
    void write(OutputStream out, ScriptedUpstream upstream)
        throws IOException, InterruptedException;
  }

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<String> hangUps = new CopyOnWriteArrayList<>();
  private volatile Function<Received, Reply> script = r -> json(200, "{}");

  ScriptedUpstream() throws IOException {
    server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    threads.submit(this::accept);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  void script(Function<Received, Reply> newScript) {
    received.clear();
    hangUps.clear();
    script = newScript;
  }

  List<Received> received() {
    return Collections.unmodifiableList(new ArrayList<>(received));
  }

  /** Requests during whose answer the relay closed the connection. */
  List<String> hangUps() {
    return List.copyOf(hangUps);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        threads.submit(() -> serve(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      Received request = read(socket.getInputStream());
      if (request == null) {
        return;
      }
      received.add(request);
      try {
        script.apply(request).write(socket.getOutputStream(), this);
      } catch (IOException hungUp) {
        hangUps.add(
            request.header("x-api-key") == null ? request.target() : request.header("x-api-key"));
      }
    } catch (IOException | InterruptedException ignored) {
      // connection over
    }
  }

  private static Received read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0;
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      last4 = (last4 << 8) | b;
      if (last4 == 0x0D0A0D0A) { // \r\n\r\n: the headers end
        break;
      }
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    if (lines.length == 0 || lines[0].isBlank()) {
      return null;
    }
    String[] requestLine = lines[0].split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    return new Received(requestLine[0], requestLine[1], headers, body);
  }

  // ---- replies ----

  static Reply json(int status, String body) {
    return json(status, Map.of(), body);
  }

  static Reply json(int status, Map<String, String> headers, String body) {
    return (out, upstream) -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " X\r\n");
      head.append("content-type: application/json\r\n");
      head.append("request-id: req_upstream_1\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("content-length: ").append(bytes.length).append("\r\nconnection: close\r\n\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(bytes);
      out.flush();
    };
  }

  /**
   * A JSON answer whose status line comes one byte every {@code pauseMillis}: an upstream slow to
   * answer that is still writing, so a relay that gives up on it makes its next write fail (and the
   * hang-up is recorded).
   */
  static Reply trickledJson(long pauseMillis, String body) {
    Reply rest = json(200, body);
    return (out, upstream) -> {
      for (byte b : "HTTP/1.1 ".getBytes(StandardCharsets.ISO_8859_1)) {
        out.write(b);
        out.flush();
        Thread.sleep(pauseMillis);
      }
      java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
      rest.write(whole, upstream);
      out.write(whole.toByteArray(), "HTTP/1.1 ".length(), whole.size() - "HTTP/1.1 ".length());
      out.flush();
    };
  }

  /**
   * An event stream, each piece written and flushed after {@code pauseMillis}; {@code complete}
   * false ends the connection abruptly (no end of the chunked body), as a dying upstream does.
   */
  static Reply sse(List<String> pieces, long pauseMillis, boolean complete) {
    return (out, upstream) -> {
      out.write(
          ("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nrequest-id: req_upstream_stream\r\n"
                  + "transfer-encoding: chunked\r\nconnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      for (String piece : pieces) {
        if (pauseMillis > 0) {
          Thread.sleep(pauseMillis);
        }
        byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
        out.write(
            (Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
      if (complete) {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
    };
  }

  /**
   * An event stream of {@code head}, {@code count} copies of {@code piece} and {@code tail},
   * written as fast as the relay takes them; every byte written is added to {@code written}, so a
   * test sees when the relay stops reading.
   */
  static Reply flood(String head, String piece, int count, String tail, AtomicLong written) {
    return (out, upstream) -> {
      OutputStream counted =
          new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
              out.write(bytes, offset, length);
              written.addAndGet(length);
            }
          };
      List<String> pieces = new ArrayList<>(count + 2);
      pieces.add(head);
      pieces.addAll(Collections.nCopies(count, piece));
      pieces.add(tail);
      sse(pieces, 0, true).write(counted, upstream);
    };
  }

  /** Sends the pieces, then holds the connection open without a byte for {@code millis}. */
  static Reply stall(List<String> pieces, long millis) {
    Reply start = sse(pieces, 0, false);
    return (out, upstream) -> {
      start.write(out, upstream);
      Thread.sleep(millis);
    };
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
