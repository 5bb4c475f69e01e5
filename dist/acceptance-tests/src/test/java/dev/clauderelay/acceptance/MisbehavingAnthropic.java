package dev.clauderelay.acceptance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Anthropic upstream that misbehaves on cue, written on a raw socket for control over every
 * byte: the requested model names the misbehaviour ({@code giant}: one 50 MB SSE event; {@code
 * stall-always}: headers, a few bytes, then silence; {@code stall-once}: that on every other
 * request; {@code trickle}: a stream of pings without end; {@code broken-html}, {@code
 * broken-garbage}, {@code broken-truncated}, {@code broken-empty}: a 200 whose body is not a
 * message). Any other model gets a proper message, or stream, at once. Every response closes its
 * connection, so a relay that gives up on one shows here as a write that fails or a read that ends.
 */
final class MisbehavingAnthropic implements AutoCloseable {

  static final String MESSAGE =
      "{\"id\":\"msg_fake\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"pong\"}],\"stop_reason\":\"end_turn\","
          + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":7,\"output_tokens\":3}}";

  static final long GIANT_EVENT_BYTES = 50L * 1024 * 1024;

  private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern API_KEY = Pattern.compile("(?im)^x-api-key:\\s*(\\S+)\\s*$");

  private final ServerSocket server;
  private final ExecutorService connections =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "misbehaving-anthropic");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> keys = new ConcurrentHashMap<>();
  private final AtomicInteger stallOnce = new AtomicInteger();

  /** Counted down once the giant event is 4 MiB along; it then waits for {@link #giantMayGoOn}. */
  final CountDownLatch giantHalfway = new CountDownLatch(1);

  final CountDownLatch giantMayGoOn = new CountDownLatch(1);

  /** Bytes of the giant event written before the relay closed the connection (or all of them). */
  final AtomicLong giantBytesWritten = new AtomicLong();

  /** Counted down when the relay closed the giant stream's connection before its end. */
  final CountDownLatch giantCancelled = new CountDownLatch(1);

  /** Counted down when a stalling answer has sent its headers. */
  volatile CountDownLatch stallStarted = new CountDownLatch(1);

  /** Stalled answers whose connection the relay closed. */
  final AtomicInteger stallsCancelled = new AtomicInteger();

  /** Trickling streams whose connection the relay closed. */
  final AtomicInteger tricklesCancelled = new AtomicInteger();

  MisbehavingAnthropic() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket socket = server.accept();
                  connections.execute(() -> serve(socket));
                } catch (IOException closed) {
                  return;
                }
              }
            },
            "misbehaving-anthropic-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Requests received for {@code model}. */
  int requests(String model) {
    return requests.computeIfAbsent(model, m -> new AtomicInteger()).get();
  }

  /** The distinct API keys {@code model}'s requests came with. */
  Set<String> keys(String model) {
    return keys.getOrDefault(model, Set.of());
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      String head = readHead(in);
      if (head == null) {
        return;
      }
      int length = contentLength(head);
      String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      Matcher model = MODEL.matcher(body);
      String name = model.find() ? model.group(1) : "";
      requests.computeIfAbsent(name, m -> new AtomicInteger()).incrementAndGet();
      Matcher key = API_KEY.matcher(head);
      if (key.find()) {
        keys.computeIfAbsent(name, m -> ConcurrentHashMap.newKeySet()).add(key.group(1));
      }
      socket.setSoTimeout(500); // from here on, reads only watch for the relay closing
      switch (name) {
        case "giant" -> giant(out);
        case "stall-always" -> stall(in, out);
        case "stall-once" -> {
          if (stallOnce.getAndIncrement() % 2 == 0) {
            stall(in, out);
          } else {
            answer(out, "application/json", MESSAGE.getBytes(StandardCharsets.UTF_8));
          }
        }
        case "trickle" -> trickle(out);
        case "broken-html" ->
            answer(
                out,
                "text/html; charset=utf-8",
                "<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes());
        case "broken-garbage" -> {
          byte[] garbage = new byte[2048];
          new Random(5).nextBytes(garbage);
          answer(out, "application/json", garbage);
        }
        case "broken-truncated" ->
            answer(
                out,
                "application/json",
                MESSAGE.substring(0, MESSAGE.length() / 2).getBytes(StandardCharsets.UTF_8));
        case "broken-empty" -> answer(out, "application/json", new byte[0]);
        default -> {
          if (body.contains("\"stream\":true")) {
            startStream(out);
            endStream(out);
          } else {
            answer(out, "application/json", MESSAGE.getBytes(StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException | InterruptedException e) {
      // the relay went away: what each script counts
    }
  }

  private static void answer(OutputStream out, String contentType, byte[] body) throws IOException {
    out.write(
        ("HTTP/1.1 200 OK\r\ncontent-type: "
                + contentType
                + "\r\ncontent-length: "
                + body.length
                + "\r\nrequest-id: req_misbehaving\r\nconnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  private void giant(OutputStream out) throws IOException, InterruptedException {
    startStream(out);
    chunk(
        out,
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
            + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
    chunk(
        out,
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            + "\"delta\":{\"type\":\"text_delta\",\"text\":\"");
    byte[] piece = new byte[8 * 1024];
    Arrays.fill(piece, (byte) 'a');
    try {
      for (long written = 0; written < GIANT_EVENT_BYTES; written += piece.length) {
        if (written == 4L * 1024 * 1024) {
          giantHalfway.countDown();
          giantMayGoOn.await(20, TimeUnit.SECONDS);
        }
        chunk(out, piece);
        giantBytesWritten.addAndGet(piece.length);
      }
      chunk(out, "\"}}\n\n");
      chunk(
          out,
          "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n");
      endStream(out);
    } catch (IOException closedByTheRelay) {
      giantCancelled.countDown();
    }
  }

  private void stall(InputStream in, OutputStream out) throws IOException {
    out.write(
        ("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
                + MESSAGE.length()
                + "\r\nconnection: close\r\n\r\n"
                + MESSAGE.substring(0, 20))
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    stallStarted.countDown();
    if (waitForClose(in, 60_000)) {
      stallsCancelled.incrementAndGet();
    }
  }

  private void trickle(OutputStream out) throws IOException, InterruptedException {
    startStream(out);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    try {
      while (System.nanoTime() < until) {
        chunk(out, "event: ping\ndata: {\"type\": \"ping\"}\n\n");
        Thread.sleep(300);
      }
      endStream(out);
    } catch (IOException closedByTheRelay) {
      tricklesCancelled.incrementAndGet();
    }
  }

  private static void startStream(OutputStream out) throws IOException {
    out.write(
        ("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n"
                + "connection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    chunk(
        out,
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_m\","
            + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\",\"content\":[],"
            + "\"stop_reason\":null,\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}\n\n");
  }

  private static void endStream(OutputStream out) throws IOException {
    chunk(
        out,
        "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
            + "\"end_turn\"},\"usage\":{\"output_tokens\":9}}\n\n"
            + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static void chunk(OutputStream out, String text) throws IOException {
    chunk(out, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void chunk(OutputStream out, byte[] bytes) throws IOException {
    out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads until the peer closes the connection; whether it did within {@code millis}. */
  private static boolean waitForClose(InputStream in, int millis) {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    byte[] sink = new byte[256];
    while (System.nanoTime() < until) {
      try {
        if (in.read(sink) < 0) {
          return true;
        }
      } catch (SocketTimeoutException notYet) {
        // keep waiting
      } catch (IOException reset) {
        return true;
      }
    }
    return false;
  }

  /** The request line and headers, or {@code null} when the connection closed first. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  private static int contentLength(String head) {
    Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$").matcher(head);
    return length.find() ? Integer.parseInt(length.group(1)) : 0;
  }

  @Override
  public void close() throws IOException {
    server.close();
    connections.shutdownNow();
  }
}
