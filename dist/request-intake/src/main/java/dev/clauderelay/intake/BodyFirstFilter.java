package dev.clauderelay.intake;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the body of a request before the request reaches its servlet, then dispatches it again with
 * the body in memory: servlets that read their bodies the blocking way (JAX-RS resources, JSF
 * pages) would otherwise hold a container thread for as long as a client takes to send one. A
 * subclass says which rules a request's body must respect, or that it is left alone (a servlet that
 * reads its own body without blocking).
 *
 * <p>Mapped for requests and their asynchronous dispatches: the second pass hands the servlet the
 * body read in the first.
 */
public abstract class BodyFirstFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final String BODY = BodyFirstFilter.class.getName() + ".body";
  private static final String READ = BodyFirstFilter.class.getName() + ".read";
  private static final String ASYNC = BodyFirstFilter.class.getName() + ".async";

  /** The intake bodies go through. */
  protected abstract BodyIntake intake();

  /**
   * The rules for this request's body, or {@code null} to let the request through unread. Decided
   * on what the container dispatches the request to and on its credentials, never on its path.
   */
  protected abstract BodyRules rulesFor(HttpServletRequest request);

  /** A name for the request in log lines. */
  protected String requestId(HttpServletRequest request) {
    return "body-" + Long.toHexString(System.nanoTime());
  }

  /**
   * Runs the second pass of a request whose body arrived after the first pass had returned, on the
   * container's asynchronous dispatch. A host whose servlets need request-bound contexts there that
   * the container does not set up for such a dispatch (the console's Faces pages need CDI's session
   * context) activates them here.
   */
  protected void onLateDispatch(HttpServletRequest request, AsyncContext async, Pass pass)
      throws IOException, ServletException {
    pass.run();
  }

  /** The rest of a request's processing. */
  @FunctionalInterface
  protected interface Pass {
    void run() throws IOException, ServletException;
  }

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
        onLateDispatch(
            request,
            (AsyncContext) request.getAttribute(ASYNC),
            () -> chain.doFilter(new BufferedBodyRequest(request, body), response));
      } finally {
        release(request);
      }
      return;
    }
    BodyRules rules = BodyIntake.hasBody(request) ? rulesFor(request) : null;
    if (rules == null) {
      chain.doFilter(request, response);
      return;
    }
    AsyncContext async = request.startAsync();
    async.setTimeout(0); // the body's own rules bound the read
    Arrival arrival = new Arrival(request, async);
    BodyRead read =
        intake().read(request, response, async, rules, requestId(request), arrival::received);
    request.setAttribute(READ, read);
    byte[] body = arrival.leaveFirstPass();
    if (body == null) {
      return; // the body comes later; its arrival dispatches the request again
    }
    // The usual case: the whole body came with the headers. The request goes on in this pass,
    // which keeps the container's own request set-up (and avoids a second dispatch).
    try {
      chain.doFilter(new BufferedBodyRequest(request, body), response);
    } finally {
      release(request);
      async.complete();
    }
  }

  private static void release(HttpServletRequest request) {
    BodyRead read = (BodyRead) request.getAttribute(READ);
    if (read != null) {
      read.release();
    }
  }

  /** Whether the body arrived during the first pass, or after it (then it is dispatched). */
  private static final class Arrival {
    private final HttpServletRequest request;
    private final AsyncContext async;
    private boolean firstPassOver;
    private byte[] early;

    Arrival(HttpServletRequest request, AsyncContext async) {
      this.request = request;
      this.async = async;
    }

    synchronized void received(byte[] body) {
      if (!firstPassOver) {
        early = body;
        return;
      }
      request.setAttribute(BODY, body);
      request.setAttribute(ASYNC, async);
      async.dispatch();
    }

    synchronized byte[] leaveFirstPass() {
      firstPassOver = true;
      return early;
    }
  }

  /**
   * The request as its servlet sees it: the body comes from memory, and a form's fields are read
   * from it (the container would look for them in the stream this filter has already read).
   */
  private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private ServletInputStream stream;
    private BufferedReader reader;
    private Map<String, String[]> parameters;

    BufferedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public String getParameter(String name) {
      String[] values = getParameterMap().get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
      String[] values = getParameterMap().get(name);
      return values == null ? null : values.clone();
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public synchronized Map<String, String[]> getParameterMap() {
      if (parameters == null) {
        // The query's fields come first, then the form's, as the Servlet specification says.
        Map<String, List<String>> merged = new LinkedHashMap<>();
        super.getParameterMap().forEach((k, v) -> merged.put(k, new ArrayList<>(List.of(v))));
        String type = getContentType();
        if (type != null
            && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
          FormFields.parse(body, charset(), merged);
        }
        Map<String, String[]> result = new LinkedHashMap<>();
        merged.forEach((k, v) -> result.put(k, v.toArray(String[]::new)));
        parameters = Collections.unmodifiableMap(result);
      }
      return parameters;
    }

    private Charset charset() {
      String encoding = getCharacterEncoding();
      return encoding == null || !Charset.isSupported(encoding)
          ? StandardCharsets.UTF_8
          : Charset.forName(encoding);
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
