package dev.clauderelay.gateway.interfaces.intake;

import dev.clauderelay.gateway.application.AdminAuthService;
import dev.clauderelay.gateway.application.relay.RequestIds;
import dev.clauderelay.gateway.interfaces.rest.AdminAccessFilter;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads the body of every request but {@code /v1/messages} (which reads its own, see {@code
 * MessagesServlet}) before the request reaches its servlet, then dispatches it again with the body
 * in memory: the admin API and the rest read their bodies the blocking way, and would otherwise
 * hold a container thread for as long as a client takes to send one. Without an admin session a
 * body may be {@value BodyIntake#ANONYMOUS_MAX_BYTES} bytes (a sign-in); with one, the admin limit.
 *
 * <p>Which servlet a request goes to is the container's own mapping, not a reading of its path.
 * Mapped in {@code web.xml}, for requests and their asynchronous dispatches.
 */
public class RequestBodyFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final String BODY = RequestBodyFilter.class.getName() + ".body";
  private static final String READ = RequestBodyFilter.class.getName() + ".read";

  /** The servlet that reads its own body. */
  public static final String SELF_READING_SERVLET = "messages";

  @Inject private transient BodyIntake intake;
  @Inject private transient AdminAuthService auth;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getDispatcherType() == DispatcherType.ASYNC) {
      byte[] body = (byte[]) request.getAttribute(BODY);
      if (body == null) {
        chain.doFilter(request, response);
        return;
      }
      request.removeAttribute(BODY);
      try {
        chain.doFilter(new BufferedBodyRequest(request, body), response);
      } finally {
        BodyRead read = (BodyRead) request.getAttribute(READ);
        if (read != null) {
          read.release();
        }
      }
      return;
    }
    if (!BodyIntake.hasBody(request)
        || SELF_READING_SERVLET.equals(request.getHttpServletMapping().getServletName())) {
      chain.doFilter(request, response);
      return;
    }
    boolean signedIn =
        auth.authenticate(AdminAccessFilter.bearerToken(request.getHeader("Authorization")))
            .isPresent();
    AsyncContext async = request.startAsync();
    async.setTimeout(0); // the body's own rules bound the read
    BodyRead read =
        intake.read(
            request,
            response,
            async,
            intake.adminRules(signedIn),
            RequestIds.requestId(),
            body -> {
              request.setAttribute(BODY, body);
              async.dispatch();
            });
    request.setAttribute(READ, read);
  }

  /** The request as its servlet sees it: the body comes from memory. */
  private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private ServletInputStream stream;
    private BufferedReader reader;

    BufferedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      if (reader != null) {
        throw new IllegalStateException("getReader() was called already");
      }
      if (stream == null) {
        stream = new MemoryInputStream(body);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() {
      if (stream != null) {
        throw new IllegalStateException("getInputStream() was called already");
      }
      if (reader == null) {
        String encoding = getCharacterEncoding();
        Charset charset =
            encoding == null || !Charset.isSupported(encoding)
                ? StandardCharsets.UTF_8
                : Charset.forName(encoding);
        reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
      }
      return reader;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public String getHeader(String name) {
      if ("content-length".equalsIgnoreCase(name)) {
        return Integer.toString(body.length);
      }
      if ("transfer-encoding".equalsIgnoreCase(name)) {
        return null;
      }
      return super.getHeader(name);
    }
  }

  /** A body in memory, always ready. */
  private static final class MemoryInputStream extends ServletInputStream {

    private final ByteArrayInputStream in;

    MemoryInputStream(byte[] body) {
      this.in = new ByteArrayInputStream(body);
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return in.read(b, off, len);
    }

    @Override
    public boolean isFinished() {
      return in.available() == 0;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      try {
        if (isFinished()) {
          listener.onAllDataRead();
        } else {
          listener.onDataAvailable();
        }
      } catch (IOException e) {
        listener.onError(e);
      }
    }
  }
}
