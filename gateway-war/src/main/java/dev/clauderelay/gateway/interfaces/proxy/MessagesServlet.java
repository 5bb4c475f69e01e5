package dev.clauderelay.gateway.interfaces.proxy;

import dev.clauderelay.gateway.application.relay.ClientKeyAuthenticator;
import dev.clauderelay.gateway.application.relay.ErrorBodies;
import dev.clauderelay.gateway.application.relay.MessagesRequest;
import dev.clauderelay.gateway.application.relay.RelayRequest;
import dev.clauderelay.gateway.application.relay.RelayService;
import dev.clauderelay.gateway.application.relay.RequestIds;
import dev.clauderelay.gateway.application.topology.ClientKeyView;
import dev.clauderelay.gateway.application.usage.RequestRecord;
import dev.clauderelay.gateway.infrastructure.concurrent.RelayThreads;
import dev.clauderelay.gateway.infrastructure.config.RelayConfig;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /v1/messages} and {@code POST /v1/messages/count_tokens}, whatever the query string.
 * Checks the client key, reads and checks the body, then hands the request to the relay on an
 * asynchronous context: the container's thread returns at once, and the answer is written without
 * blocking as the upstream produces it.
 *
 * <p>A plain servlet rather than a JAX-RS resource: the relay needs the servlet's non-blocking
 * output to stream without holding a thread per stream, and nothing of JAX-RS's entity handling.
 */
@WebServlet(
    name = "messages",
    urlPatterns = {"/v1/messages", "/v1/messages/count_tokens"},
    asyncSupported = true)
public class MessagesServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(MessagesServlet.class.getName());
  private static final long DEFAULT_MAX_BODY = 32L * 1024 * 1024;

  @Inject private transient RelayService relay;
  @Inject private transient ClientKeyAuthenticator authenticator;
  @Inject private transient RelayConfig config;
  @Inject private transient RelayThreads containerThreads;
  private transient volatile long maxBody = -1;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long startedNanos = System.nanoTime();
    long startedAt = System.currentTimeMillis();
    String requestId = RequestIds.requestId();
    response.setHeader("request-id", requestId);
    RelayRequest.Endpoint endpoint =
        request.getServletPath().endsWith("count_tokens")
            ? RelayRequest.Endpoint.COUNT_TOKENS
            : RelayRequest.Endpoint.MESSAGES;
    ClientKeyView key = null;
    String model = null;
    try {
      if (!"POST".equals(request.getMethod())) {
        response.setHeader("allow", "POST, OPTIONS");
        throw new GatewayError(
            ErrorType.INVALID_REQUEST,
            405,
            request.getMethod() + " is not supported here: send POST " + endpoint.path() + ".");
      }
      key =
          authenticator.authenticate(
              request.getHeader("x-api-key"), request.getHeader("authorization"));
      byte[] body = readBody(request, maxBody());
      MessagesRequest messages = MessagesRequest.parse(body, true);
      model = messages.model();
      if (key != null && !key.allows(model)) {
        throw new GatewayError(
            ErrorType.PERMISSION,
            "This client key may not use model '" + model + "'; ask the relay's admin.");
      }
      long waitSeconds = authenticator.acquire(key);
      if (waitSeconds > 0) {
        response.setHeader("retry-after", Long.toString(waitSeconds));
        throw new GatewayError(
            ErrorType.RATE_LIMIT,
            "This client key's request limit is reached; retry in " + waitSeconds + " s.");
      }
      RelayRequest relayRequest =
          new RelayRequest(
              requestId,
              startedNanos,
              startedAt,
              key,
              endpoint,
              messages,
              request.getQueryString(),
              headers(request));
      AsyncContext async = request.startAsync();
      async.setTimeout(0); // the relay times upstreams itself; a client may read a long stream
      ServletClientChannel channel =
          new ServletClientChannel(async, response, containerThreads.executor());
      try {
        relay.relay(relayRequest, channel);
      } catch (GatewayError e) {
        channel.error(e, Map.of("request-id", requestId));
        refused(requestId, startedNanos, startedAt, key, model, e);
      } finally {
        channel.servletDone();
      }
    } catch (GatewayError e) {
      writeError(response, e);
      refused(requestId, startedNanos, startedAt, key, model, e);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Unexpected failure, request " + requestId, e);
      GatewayError error =
          new GatewayError(
              ErrorType.API, "The relay failed to handle the request (request " + requestId + ").");
      if (!response.isCommitted() && !request.isAsyncStarted()) {
        writeError(response, error);
      }
      refused(requestId, startedNanos, startedAt, key, model, error);
    }
  }

  private long maxBody() {
    long max = maxBody;
    if (max < 0) {
      max =
          config.optional("RELAY_MAX_REQUEST_BYTES").map(Long::parseLong).orElse(DEFAULT_MAX_BODY);
      maxBody = max;
    }
    return max;
  }

  private static byte[] readBody(HttpServletRequest request, long max) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared >= 0 && declared <= max) {
      // The usual case: the length is known, so the body is read into its final array at once.
      try (InputStream in = request.getInputStream()) {
        return in.readNBytes((int) declared);
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
    byte[] buffer = new byte[16384];
    try (InputStream in = request.getInputStream()) {
      int read;
      while ((read = in.read(buffer)) != -1) {
        if (body.size() + read > max) {
          drain(in, buffer, max);
          throw tooLarge(max);
        }
        body.write(buffer, 0, read);
      }
    }
    return body.toByteArray();
  }

  /**
   * Reads and drops the rest of an oversized body (up to a bound), so that a client still sending
   * it reaches the point where it reads the 413 instead of failing on a reset connection.
   */
  private static void drain(InputStream in, byte[] buffer, long max) throws IOException {
    long remaining = Math.max(max, 64L * 1024 * 1024);
    int read;
    while (remaining > 0 && (read = in.read(buffer)) != -1) {
      remaining -= read;
    }
  }

  private static GatewayError tooLarge(long max) {
    return new GatewayError(
        ErrorType.REQUEST_TOO_LARGE,
        "The request body exceeds this relay's limit of " + (max / (1024 * 1024)) + " MB.");
  }

  private static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
    }
    return headers;
  }

  private static void writeError(HttpServletResponse response, GatewayError error)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.setStatus(error.httpStatus());
    response.setContentType("application/json");
    byte[] body =
        ErrorBodies.json(error.type(), error.getMessage()).getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private void refused(
      String requestId,
      long startedNanos,
      long startedAt,
      ClientKeyView key,
      String model,
      GatewayError error) {
    relay.refused(
        new RequestRecord(
            requestId,
            startedAt,
            key == null ? 0 : key.id(),
            0,
            0,
            0,
            model,
            null,
            false,
            error.httpStatus(),
            error.type().wireName(),
            null,
            0,
            0,
            0,
            0,
            (System.nanoTime() - startedNanos) / 1_000_000,
            -1,
            0,
            null));
  }
}
