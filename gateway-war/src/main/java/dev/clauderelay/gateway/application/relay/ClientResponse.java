package dev.clauderelay.gateway.application.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clauderelay.gateway.application.pricing.Price;
import dev.clauderelay.gateway.application.routing.RouteTarget;
import dev.clauderelay.gateway.application.topology.ProviderRuntime;
import dev.clauderelay.gateway.application.usage.RequestRecord;
import dev.clauderelay.plugin.api.GatewayError;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An exchange's response to its client and its account once it ends: the status and headers
 * (request ids, what translation dropped), the bytes as they are written, when the first of them
 * left, and at the end, once, the {@link RequestRecord} for the usage log and the metrics.
 *
 * <p>Not thread-safe: its exchange calls it under the exchange's lock.
 */
final class ClientResponse {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long PING_AFTER_SILENCE_NANOS = 1_000_000_000L;
  private static final byte[] PING =
      "event: ping\ndata: {\"type\": \"ping\"}\n\n".getBytes(StandardCharsets.UTF_8);

  private final RelayRequest request;
  private final ClientChannel client;
  private final Attempts attempts;
  private final Translation translation;
  private final ExchangeServices services;
  private final ExchangeWatchdog.Watched exchange;

  /** The last upstream answer's headers: its request id travels to the client. */
  private HttpHeaders upstreamHeaders;

  private long firstByteNanos = -1;
  private long lastWriteNanos;
  private boolean streaming;
  private boolean finished;
  private boolean clientGone;

  ClientResponse(
      RelayRequest request,
      ClientChannel client,
      Attempts attempts,
      Translation translation,
      ExchangeServices services,
      ExchangeWatchdog.Watched exchange) {
    this.request = request;
    this.client = client;
    this.attempts = attempts;
    this.translation = translation;
    this.services = services;
    this.exchange = exchange;
  }

  /** Whether the exchange is over: answered, or given up on. */
  boolean finished() {
    return finished;
  }

  /** Whether the client went away before its answer was complete. */
  boolean clientGone() {
    return clientGone;
  }

  void clientWentAway() {
    clientGone = true;
  }

  /** An upstream answered the current attempt (with any status). */
  void upstreamAnswered(HttpHeaders headers) {
    upstreamHeaders = headers;
  }

  // ---- answers ------------------------------------------------------------------------------

  /** Opens the response of a stream: its events follow with {@link #write}. */
  void openStream(int status) {
    Map<String, String> headers = baseHeaders();
    headers.put("content-type", "text/event-stream; charset=utf-8");
    headers.put("cache-control", "no-cache");
    headers.put("x-accel-buffering", "no");
    client.open(status, headers);
    streaming = true;
  }

  /**
   * Opens the response of a whole answer: JSON, or an Anthropic upstream's own content type.
   *
   * @param translated whether the answer was translated (and is therefore the relay's JSON)
   * @param length the answer's length in bytes, all written next
   */
  void openWhole(int status, boolean translated, int length) {
    Map<String, String> headers = baseHeaders();
    String type =
        upstreamHeaders == null ? null : upstreamHeaders.firstValue("content-type").orElse(null);
    headers.put("content-type", translated || type == null ? "application/json" : type);
    // Known length: the answer goes out in one write, not as a chunk and then its terminator.
    headers.put("content-length", Integer.toString(length));
    client.open(status, headers);
  }

  /**
   * Writes bytes of the opened response.
   *
   * @return whether the client can take more now
   */
  boolean write(byte[] bytes) {
    markFirstByte();
    lastWriteNanos = System.nanoTime();
    return client.write(bytes);
  }

  /** Whether no byte has been written to the client yet. */
  boolean nothingWritten() {
    return firstByteNanos < 0;
  }

  /**
   * A stream that has sent its first event and then nothing for a second gets a {@code ping} event,
   * as Anthropic's own streams do: a client that hung up is heard at the next write (the second
   * after its hang-up fails), and the exchange, its upstream request and its concurrency slot end
   * then rather than when the upstream speaks again. Streams carry whole events only, so a ping
   * never lands inside one.
   */
  void keepAlive(long nowNanos) {
    if (streaming
        && !finished
        && !clientGone
        && firstByteNanos >= 0
        && nowNanos - lastWriteNanos >= PING_AFTER_SILENCE_NANOS) {
      write(PING);
    }
  }

  /** Answers bytes as they are (an upstream's own error, an estimate) and ends the exchange. */
  void answerRaw(int status, String contentType, byte[] bytes) {
    Map<String, String> headers = baseHeaders();
    headers.put("content-type", contentType);
    headers.put("content-length", Integer.toString(bytes.length));
    client.open(status, headers);
    String errorType = null;
    if (status >= 400) {
      errorType = "api_error"; // unless the body names its type
      try {
        errorType = JSON.readTree(bytes).path("error").path("type").asText(errorType);
      } catch (Exception ignored) {
        // not JSON: the type stays unknown
      }
    }
    finish(bytes, status, errorType, new UsageTally());
  }

  /** Answers an error in Anthropic's shape and ends the exchange. */
  void answerError(GatewayError error, Map<String, String> extraHeaders) {
    Map<String, String> headers = baseHeaders();
    headers.putAll(extraHeaders);
    client.releaseHolds();
    client.error(error, headers);
    finish(error.httpStatus(), error.type().wireName(), new UsageTally());
  }

  /**
   * The upstream has no token counting endpoint: an estimate from the request's size, about four
   * bytes of JSON a token (Claude Code uses the count only to decide when to compact).
   */
  void answerTokenEstimate() {
    byte[] estimate =
        ("{\"input_tokens\":" + request.body().estimatedInputTokens() + "}")
            .getBytes(StandardCharsets.UTF_8);
    translation.accept("input_tokens estimated: the upstream has no token counting endpoint");
    answerRaw(200, "application/json", estimate);
  }

  /**
   * Tells the client the relay failed: an error answer, or an {@code error} event in a started
   * stream. {@link #closeUnrecorded} follows.
   */
  void tellFailure(GatewayError error) {
    if (client.isOpen()) {
      client.write(ErrorEvents.event(error));
    } else {
      client.error(error, Map.of("request-id", request.requestId()));
    }
  }

  private Map<String, String> baseHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("request-id", request.requestId());
    if (upstreamHeaders != null) {
      upstreamHeaders
          .firstValue("request-id")
          .ifPresent(id -> headers.put("x-upstream-request-id", id));
    }
    String degradations = translation.degradations();
    if (degradations != null) {
      headers.put("x-relay-degraded", degradations.replaceAll("[\\r\\n]", " "));
    }
    return headers;
  }

  private void markFirstByte() {
    if (firstByteNanos < 0) {
      firstByteNanos = System.nanoTime();
    }
  }

  // ---- the end ------------------------------------------------------------------------------

  /** Ends the exchange after a failure of the relay's own, without a record. */
  void closeUnrecorded() {
    finished = true;
    client.close();
  }

  /** Ends an exchange that answered nothing more: its client went away, or it was over already. */
  void finishWithoutAnswer(UsageTally usage) {
    finish(499, null, usage);
  }

  /**
   * Ends the exchange once: the watchdog lets go of it, the response closes after its queued bytes,
   * and the request's record goes to the usage log and the metrics.
   */
  void finish(int status, String errorType, UsageTally usage) {
    finish(null, status, errorType, usage);
  }

  /**
   * Writes the answer's last bytes, if any, and ends the exchange once. The cost is charged and the
   * request's holds (its concurrency slot) given back before those bytes leave: once a client holds
   * a whole answer its next request may come at once, and must meet what this one spent and find
   * its slot free. What the upstream charged is spent whether or not the client takes the last
   * bytes.
   */
  void finish(byte[] lastBytes, int status, String errorType, UsageTally usage) {
    if (finished) {
      return;
    }
    RouteTarget target = attempts.accountedTarget();
    ProviderRuntime provider = target == null ? null : target.provider();
    String requestedModel = request.body().model();
    String upstreamModel = target == null ? null : target.upstreamModel(requestedModel);
    Price price =
        provider == null
            ? null
            : services.topology().get().prices().priceOf(upstreamModel, requestedModel);
    long cost =
        price == null
            ? 0
            : price.costNanos(
                usage.inputTokens,
                usage.outputTokens,
                usage.cacheCreationTokens,
                usage.cacheReadTokens);
    services.charge(
        request.clientKey() == null ? 0 : request.clientKey().id(), cost, usage.totalTokens());
    if (lastBytes != null) {
      client.releaseHolds();
      write(lastBytes);
    }
    finished = true;
    services.watchdog().forget(exchange);
    client.close();
    long now = System.nanoTime();
    var lease = attempts.lease();
    RequestRecord record =
        new RequestRecord(
            request.requestId(),
            request.startedAtMillis(),
            request.clientKey() == null ? 0 : request.clientKey().id(),
            provider == null ? 0 : provider.id(),
            lease == null ? 0 : lease.keyId(),
            lease == null ? 0 : lease.accountId(),
            requestedModel,
            upstreamModel,
            request.body().stream(),
            clientGone ? 499 : status,
            clientGone ? "client_closed" : errorType,
            usage.stopReason,
            usage.inputTokens,
            usage.outputTokens,
            usage.cacheCreationTokens,
            usage.cacheReadTokens,
            (now - request.startedNanos()) / 1_000_000,
            firstByteNanos < 0 ? -1 : (firstByteNanos - request.startedNanos()) / 1_000_000,
            attempts.count(),
            translation.degradations(),
            cost,
            // A request no upstream saw cost nothing, priced or not.
            provider != null && price == null && attempts.count() > 0,
            request.session());
    services.completed(record, provider == null ? null : provider.name());
  }
}
