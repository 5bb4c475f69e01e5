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
 * attack. Should the server's internals change, the filter does nothing, and says so once.
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
      decline(request);
    }
    chain.doFilter(request, response);
  }

  /** Takes the server's upgrade mark off {@code request}; whether it could. */
  static boolean decline(ServletRequest request) {
    try {
      Object packet = requestPacket(request);
      Object upgrade = packet.getClass().getMethod("getUpgradeDC").invoke(packet);
      upgrade.getClass().getMethod("recycle").invoke(upgrade);
      packet.getClass().getMethod("setIgnoreContentModifiers", boolean.class).invoke(packet, false);
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
