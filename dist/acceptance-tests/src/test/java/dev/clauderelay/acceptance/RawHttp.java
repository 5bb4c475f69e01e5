package dev.clauderelay.acceptance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a socket, for what no HTTP client sends: paths exactly as spelled
 * (path parameters, dot segments, encoded slashes), bodies sent slowly or not at all, connections
 * dropped at a chosen moment.
 */
final class RawHttp {

  /** One answer as read off the socket. */
  record Answer(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private RawHttp() {}

  /** Sends {@code method target} with the given extra header lines and body; reads the answer. */
  static Answer send(int port, String method, String target, String headerLines, String body) {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    String head =
        method
            + " "
            + target
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            + headerLines
            + (body == null ? "" : "Content-Type: application/json\r\n")
            + (body == null ? "" : "Content-Length: " + bytes.length + "\r\n")
            + "\r\n";
    try (Socket socket = connect(port)) {
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(bytes);
      out.flush();
      return read(socket.getInputStream(), !"HEAD".equals(method));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Socket connect(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(30_000);
    return socket;
  }

  /** Reads one answer: the head, then a body by Content-Length, chunks, or until the close. */
  static Answer read(InputStream in, boolean hasBody) throws IOException {
    String statusLine = line(in);
    if (statusLine == null) {
      throw new IOException("the connection closed before an answer");
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    String line;
    while ((line = line(in)) != null && !line.isEmpty()) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).strip());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (hasBody && status != 204 && status != 304) {
      if (headers.containsKey("content-length")) {
        body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
      } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        int size;
        while ((size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) > 0) {
          body.write(in.readNBytes(size));
          line(in);
        }
      } else {
        try {
          in.transferTo(body);
        } catch (SocketTimeoutException e) {
          // what arrived is the body
        }
      }
    }
    return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }
}
