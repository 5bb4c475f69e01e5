package dev.clauderelay.gateway.interfaces.proxy;

import dev.clauderelay.gateway.application.budget.BudgetGuard;
import dev.clauderelay.gateway.application.budget.Budgets;
import dev.clauderelay.gateway.application.relay.ClientKeyAuthenticator;
import dev.clauderelay.gateway.application.relay.ClientSessions;
import dev.clauderelay.gateway.application.relay.ErrorBodies;
import dev.clauderelay.gateway.application.relay.MessagesRequest;
import dev.clauderelay.gateway.application.relay.RelayRequest;
import dev.clauderelay.gateway.application.relay.RelayService;
import dev.clauderelay.gateway.application.relay.RequestIds;
import dev.clauderelay.gateway.application.topology.ClientKeyView;
import dev.clauderelay.gateway.application.usage.ClientSession;
import dev.clauderelay.gateway.application.usage.RequestRecord;
import dev.clauderelay.gateway.infrastructure.concurrent.RelayThreads;
import dev.clauderelay.gateway.interfaces.intake.RequestBodies;
import dev.clauderelay.gateway.interfaces.intake.RequestBodyFilter;
import dev.clauderelay.gateway.interfaces.lifecycle.GatewayControl;
import dev.clauderelay.intake.BodyRead;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
 * Checks the client key, then takes the body as it arrives ({@link RequestBodies}: no thread waits
 * on a slow client, and the body is bounded in size, time and the memory all bodies share), checks
 * it and hands the request to the relay on an asynchronous context: the container's thread returns
 * at once, and the answer is written without blocking as the upstream produces it.
 *
 * <p>A plain servlet rather than a JAX-RS resource: the relay needs the servlet's non-blocking
 * output to stream without holding a thread per stream, and nothing of JAX-RS's entity handling.
 */
@WebServlet(
    name = RequestBodyFilter.SELF_READING_SERVLET,
    urlPatterns = {"/v1/messages", "/v1/messages/count_tokens"},
    asyncSupported = true)
public class MessagesServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(MessagesServlet.class.getName());

  @Inject private transient RelayService relay;
  @Inject private transient ClientKeyAuthenticator authenticator;
  @Inject private transient RelayThreads containerThreads;
  @Inject private transient RequestBodies bodies;
  @Inject private transient Budgets budgets;
  @Inject private transient GatewayControl control;

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
    try {
      if (control.isStopping()) {
        // Closing the connection sends the client's retry to a fresh one: behind a load balancer,
        // to another relay.
        response.setHeader("connection", "close");
        response.setHeader("retry-after", "1");
        throw new GatewayError(
            ErrorType.OVERLOADED,
            "This relay is stopping and takes no new requests; send the request again.");
      }
      if (!"POST".equals(request.getMethod())) {
        response.setHeader("allow", "POST, OPTIONS");
        throw new GatewayError(
            ErrorType.INVALID_REQUEST,
            405,
            request.getMethod() + " is not supported here: send POST " + endpoint.path() + ".");
      }
      // The key is checked before a byte of the body is taken: without one, nothing is read.
      key =
          authenticator.authenticate(
              request.getHeader("x-api-key"), request.getHeader("authorization"));
    } catch (GatewayError e) {
      writeError(response, e);
      refused(requestId, startedNanos, startedAt, key, null, e);
      return;
    }
    AsyncContext async = request.startAsync();
    async.setTimeout(0); // the relay times upstreams itself; a client may read a long stream
    // Made now: listeners can join the asynchronous context only during this dispatch, and the
    // body may well arrive after it.
    ServletClientChannel channel =
        new ServletClientChannel(async, request, response, containerThreads.executor());
    Arrival arrival = new Arrival(requestId, startedNanos, startedAt, endpoint, key);
    BodyRead read =
        bodies
            .intake()
            .read(
                request,
                response,
                async,
                bodies.clientRules(),
                requestId,
                body -> relay(request, channel, arrival, body));
    channel.onEnd(read::release);
  }

  /** What is known of a request before its body is read. */
  private record Arrival(
      String requestId,
      long startedNanos,
      long startedAt,
      RelayRequest.Endpoint endpoint,
      ClientKeyView key) {}

  /** The body is in: checks it and hands the request to the relay. */
  private void relay(
      HttpServletRequest request, ServletClientChannel channel, Arrival arrival, byte[] body) {
    String model = null;
    Map<String, String> errorHeaders = new LinkedHashMap<>();
    errorHeaders.put("request-id", arrival.requestId());
    try {
      MessagesRequest messages = MessagesRequest.parse(body, true);
      model = messages.model();
      ClientKeyView key = arrival.key();
      if (key != null && !key.allows(model)) {
        throw new GatewayError(
            ErrorType.PERMISSION,
            "This client key may not use model '" + model + "'; ask the relay's admin.");
      }
      long waitSeconds = authenticator.acquire(key);
      if (waitSeconds > 0) {
        errorHeaders.put("retry-after", Long.toString(waitSeconds));
        throw new GatewayError(
            ErrorType.RATE_LIMIT,
            "This client key's request limit is reached; retry in " + waitSeconds + " s.");
      }
      if (key != null && arrival.endpoint() == RelayRequest.Endpoint.MESSAGES) {
        admit(key, channel, errorHeaders);
      }
      Map<String, List<String>> headers = headers(request);
      relay.relay(
          new RelayRequest(
              arrival.requestId(),
              arrival.startedNanos(),
              arrival.startedAt(),
              key,
              arrival.endpoint(),
              messages,
              request.getQueryString(),
              headers,
              ClientSessions.of(headers, messages.userId())),
          channel);
    } catch (GatewayError e) {
      channel.error(e, errorHeaders);
      refused(arrival, model, e);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Unexpected failure, request " + arrival.requestId(), e);
      GatewayError error =
          new GatewayError(
              ErrorType.API,
              "The relay failed to handle the request (request " + arrival.requestId() + ").");
      channel.error(error, errorHeaders);
      refused(arrival, model, error);
    } finally {
      channel.servletDone();
    }
  }

  /**
   * Holds the key to its budget; a concurrency slot it takes is given back when the exchange ends,
   * however it ends (answered, failed, or its client gone).
   */
  private void admit(
      ClientKeyView key, ServletClientChannel channel, Map<String, String> errorHeaders) {
    BudgetGuard.Admission admission;
    try {
      admission = budgets.guard().admit(key.id(), key.budget());
    } catch (BudgetGuard.OverBudget e) {
      errorHeaders.put("retry-after", Long.toString(e.retryAfterSeconds()));
      throw e;
    }
    channel.onEnd(admission::close);
  }

  private void refused(Arrival arrival, String model, GatewayError error) {
    refused(
        arrival.requestId(),
        arrival.startedNanos(),
        arrival.startedAt(),
        arrival.key(),
        model,
        error);
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
            null,
            0,
            false,
            ClientSession.NONE));
  }
}
