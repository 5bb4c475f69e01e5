package dev.clauderelay.intake;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Declines a client's protocol upgrade ({@code Upgrade: h2c}, {@code websocket}): the relay speaks
 * HTTP/1.1 and offers no other protocol, so such a request is answered as any other one. Mapped
 * first, before anything can write.
 *
 * <p>Why this reaches into the server: Payara's HTTP layer (Grizzly) marks every request that
 * carries an {@code Upgrade} header as upgraded as soon as it is parsed, whether or not anything
 * takes the upgrade. For an answer written while the request is asynchronous (every stream, every
 * answer of {@code /v1/messages}), that mark drops the answer's framing (no chunks, no {@code
 * Content-Type}) and closes the connection after it. The JDK's HTTP client sends {@code Upgrade:
 * h2c} on its first request to a host by default, so this is an ordinary client's case, not an
 * attack. The parser has also skipped its body bookkeeping for such a request, which is restored
 * here for a body of known length (the only kind such clients send); a chunked body with an Upgrade
 * header cannot be recovered and is refused with a 400 that says why. A declined upgrade closes its
 * connection after the answer. Should the server's internals change, the filter does nothing, and
 * says so once.
 */
public class NoUpgrade extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(NoUpgrade.class.getName());
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getHeader("Upgrade") != null) {
      if (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
        // Grizzly passed the first bytes of this body on undecoded, chunk sizes and all: it cannot
        // be read correctly any more. No client of the relay sends one; say what to do instead.
        refuse(response);
        return;
      }
      decline(request);
    }
    chain.doFilter(request, response);
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    byte[] body =
        ("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":"
                + "\"A chunked body cannot come with an Upgrade header here: the relay speaks HTTP/1.1"
                + " only. Send the request without Upgrade, or with a Content-Length.\"}}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    response.setStatus(400);
    response.setHeader("Connection", "close");
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** Takes the server's upgrade mark off {@code request}; whether it could. */
  static boolean decline(ServletRequest request) {
    try {
      Object packet = requestPacket(request);
      Object upgrade = packet.getClass().getMethod("getUpgradeDC").invoke(packet);
      upgrade.getClass().getMethod("recycle").invoke(upgrade);
      packet.getClass().getMethod("setIgnoreContentModifiers", boolean.class).invoke(packet, false);
      // The parser skipped deciding whether a body follows: without this, a request with none
      // (Content-Length: 0, a GET) would wait for one for ever.
      long length = (Long) packet.getClass().getMethod("getContentLength").invoke(packet);
      boolean chunked = (Boolean) packet.getClass().getMethod("isChunked").invoke(packet);
      packet
          .getClass()
          .getMethod("setExpectContent", boolean.class)
          .invoke(packet, length > 0 || chunked);
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      if (WARNED.compareAndSet(false, true)) {
        LOG.log(
            Level.WARNING,
            "Could not decline an HTTP upgrade on this server ({0}); clients that ask for one"
                + " (the JDK's HTTP client asks for h2c) may get unframed answers",
            e.toString());
      }
      return false;
    }
  }

  /** Payara's facade -> Catalina's request -> Grizzly's request -> its parsed HTTP header. */
  private static Object requestPacket(ServletRequest request) throws ReflectiveOperationException {
    while (request instanceof ServletRequestWrapper wrapper) {
      request = wrapper.getRequest();
    }
    Field inner = null;
    for (Class<?> c = request.getClass(); c != null && inner == null; c = c.getSuperclass()) {
      try {
        inner = c.getDeclaredField("request");
      } catch (NoSuchFieldException e) {
        // look further up
      }
    }
    if (inner == null) {
      throw new NoSuchFieldException(request.getClass().getName() + ".request");
    }
    inner.setAccessible(true);
    Object catalinaRequest = inner.get(request);
    Object grizzlyRequest =
        catalinaRequest.getClass().getMethod("getCoyoteRequest").invoke(catalinaRequest);
    Method packet = grizzlyRequest.getClass().getMethod("getRequest");
    return packet.invoke(grizzlyRequest);
  }
}
