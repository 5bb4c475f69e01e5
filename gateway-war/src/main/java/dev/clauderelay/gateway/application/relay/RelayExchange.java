package dev.clauderelay.gateway.application.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.gateway.application.account.AccountLease;
import dev.clauderelay.gateway.application.pool.CredentialLease;
import dev.clauderelay.gateway.application.pool.KeyLease;
import dev.clauderelay.gateway.application.pool.KeyPool;
import dev.clauderelay.gateway.application.routing.ResolvedRoute;
import dev.clauderelay.gateway.application.routing.RouteTarget;
import dev.clauderelay.gateway.application.topology.ProviderRuntime;
import dev.clauderelay.gateway.application.usage.RequestRecord;
import dev.clauderelay.gateway.domain.model.provider.ProviderKind;
import dev.clauderelay.gateway.infrastructure.upstream.AnthropicErrorClassifier;
import dev.clauderelay.gateway.infrastructure.upstream.UpstreamCall;
import dev.clauderelay.gateway.infrastructure.upstream.UpstreamHeaders;
import dev.clauderelay.plugin.api.ErrorClass;
import dev.clauderelay.plugin.api.ErrorClassification;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugin.api.UpstreamAnswer;
import dev.clauderelay.plugin.api.UpstreamRequest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client request on its way through the relay: the explicit, bounded attempt loop (a Claude
 * account when the target sends with them, else a key from the target's pool; on 429, 529, 5xx,
 * connect failure or timeout before any byte reached the client, another credential, then the next
 * fallback target; a refused OAuth token is refreshed and tried once more; never a retry of the
 * client's own mistake), then the answer, forwarded as it arrives at the pace the client reads it.
 *
 * <p>Every exchange is bounded in time, so a broken upstream cannot hold a request open without
 * end. While an answer's body is read, stream or not, the upstream may stay silent for at most its
 * provider's {@code streamIdleTimeout}. A non-stream answer that stalls has sent the client nothing
 * yet, so it counts as a first-byte timeout: the credential is charged and the next one tried (a
 * client would rather wait for a second key than see a 504 the relay could have avoided); when
 * every attempt stalls, the client gets a 504 {@code timeout_error}. A stream that stalls ends with
 * an {@code error} event. Over it all, the provider's {@code totalTimeout}, counted from the
 * request's arrival: once it passes, no other attempt starts (the client's time is spent); the
 * client gets a 504 {@code timeout_error}, or an {@code error} event in a started stream.
 *
 * <p>An answer's body must be what the endpoint promises: a 2xx from an Anthropic upstream that is
 * not an Anthropic message (HTML from a proxy, a cut or empty body) is the upstream's failure,
 * charged to the credential and retried like a 5xx, and never forwarded as a success. Streams are
 * bounded per event ({@link SseFramer}).
 *
 * <p>Nothing here blocks a thread: the upstream call completes on the HTTP client's threads and the
 * client's writes resume on the container's. Every entry point is {@code synchronized}: they come
 * from those threads and from the watchdog, never at the same time for long.
 */
final class RelayExchange {

  private static final Logger LOG = Logger.getLogger(RelayExchange.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Attempts per request, over all targets. */
  static final int MAX_ATTEMPTS = 6;

  /** Credentials tried per target before moving on to the next. */
  static final int MAX_KEYS_PER_TARGET = 3;

  private static final int MAX_ERROR_BODY = 64 * 1024;

  /** A whole non-stream answer is held before it is checked and sent; larger ones are refused. */
  private static final int MAX_NON_STREAM_BODY = 64 * 1024 * 1024;

  private final RelayService relay;
  private final RelayRequest request;
  private final List<RouteTarget> targets;
  private final ClientChannel client;
  private final String routeDescription;

  private int targetIndex;
  private int attempts;
  private int attemptsOnTarget;
  private final Map<Long, Set<Long>> triedKeys = new HashMap<>();
  private final Set<Long> triedAccounts = new HashSet<>();
  private final Set<Long> renewedAccounts = new HashSet<>();
  private final List<String> failures = new ArrayList<>();
  private ErrorClassification lastFailure;
  private long soonestRetryMillis = Long.MAX_VALUE;
  private final Set<String> degradations = new LinkedHashSet<>();

  private RouteTarget target;
  private CredentialLease lease;
  private String messageId;

  /** The current attempt's call while its response headers are awaited, else {@code null}. */
  private CompletableFuture<?> awaitingHeaders;

  /** The current attempt's body while it is read, else {@code null}. */
  private BodyReader reader;

  private StreamProcessor stream;
  private ByteArrayOutputStream body;
  private int upstreamStatus;
  private HttpHeaders upstreamHeaders;
  private long lastUpstreamActivityNanos;
  private long firstByteNanos = -1;
  private boolean finished;
  private boolean clientGone;

  RelayExchange(
      RelayService relay, RelayRequest request, ResolvedRoute route, ClientChannel client) {
    this.relay = relay;
    this.request = request;
    this.targets = route.targets();
    this.routeDescription = route.description();
    this.client = client;
  }

  synchronized void start() {
    client.onGone(this::clientGone);
    client.onReady(this::clientReady);
    relay.watchdog().watch(this);
    next();
  }

  // ---- the attempt loop -------------------------------------------------------------------

  private void next() {
    while (!finished && targetIndex < targets.size() && attempts < MAX_ATTEMPTS) {
      RouteTarget candidate = targets.get(targetIndex);
      ProviderRuntime provider = candidate.provider();
      if (!provider.available()) {
        failures.add(provider.name() + ": " + provider.unavailableReason());
        moveToNextTarget();
        continue;
      }
      if (attemptsOnTarget >= MAX_KEYS_PER_TARGET) {
        moveToNextTarget();
        continue;
      }
      Set<Long> tried = triedKeys.computeIfAbsent(provider.id(), id -> new HashSet<>());
      String upstreamModel = candidate.upstreamModel(request.body().model());
      CredentialLease leased = null;
      if (provider.claudeAccounts()) {
        AccountLease account = relay.accounts().lease(triedAccounts, request.body().userId());
        if (account != null) {
          triedAccounts.add(account.accountId());
          leased = account;
        }
      }
      if (leased == null) {
        KeyLease key =
            provider
                .pool()
                .lease(provider.strategy(), upstreamModel, tried, request.body().userId());
        if (key != null) {
          tried.add(key.keyId());
          leased = key;
        }
      }
      if (leased == null) {
        failures.add(provider.name() + ": " + describeNoCredential(provider, upstreamModel, tried));
        moveToNextTarget();
        continue;
      }
      attempts++;
      attemptsOnTarget++;
      target = candidate;
      lease = leased;
      send(provider, upstreamModel);
      return;
    }
    if (!finished) {
      giveUp();
    }
  }

  private void moveToNextTarget() {
    targetIndex++;
    attemptsOnTarget = 0;
  }

  private void send(ProviderRuntime provider, String upstreamModel) {
    UpstreamCall call;
    try {
      call = buildCall(provider, upstreamModel);
    } catch (CountTokensEstimate e) {
      releaseLease();
      answerTokenEstimate();
      return;
    } catch (GatewayError e) {
      // The request cannot be expressed for this upstream: the client's problem, not the key's.
      releaseLease();
      answerError(e, Map.of());
      return;
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE, "Could not build the upstream request, request " + request.requestId(), e);
      releaseLease();
      answerError(
          new GatewayError(
              ErrorType.API,
              "The relay could not prepare the upstream request (request "
                  + request.requestId()
                  + ")."),
          Map.of());
      return;
    }
    // Continue on the relay's managed threads, whichever thread completed the call.
    var sent = relay.upstream().send(call);
    awaitingHeaders = sent;
    sent.whenCompleteAsync(this::onResponse, relay.upstream().executor());
  }

  private UpstreamCall buildCall(ProviderRuntime provider, String upstreamModel) {
    Map<String, List<String>> headers;
    byte[] bytes;
    String path;
    if (provider.kind() == ProviderKind.ANTHROPIC && provider.transformer() == null) {
      headers = UpstreamHeaders.forwardable(request.headers(), provider.betasToDrop());
      bytes = request.body().withModel(upstreamModel);
      path = request.endpoint().path() + (request.query() == null ? "" : "?" + request.query());
    } else {
      UpstreamRequest translated = translate(provider, upstreamModel);
      headers = new LinkedHashMap<>();
      translated.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.of(v)));
      headers.put("content-type", List.of("application/json"));
      headers.put(
          "accept", List.of(request.body().stream() ? "text/event-stream" : "application/json"));
      bytes = writeJson(translated.body());
      path = translated.path();
    }
    lease.authorize(provider.kind(), headers);
    return new UpstreamCall(
        URI.create(provider.baseUri() + path),
        headers,
        bytes,
        provider.connectTimeout(),
        provider.firstByteTimeout());
  }

  private UpstreamRequest translate(ProviderRuntime provider, String upstreamModel) {
    ObjectNode clientBody = readClientBody();
    clientBody.put("model", upstreamModel);
    TranslationContext context = translationContext(upstreamModel);
    if (request.endpoint() == RelayRequest.Endpoint.COUNT_TOKENS) {
      UpstreamRequest counting = provider.transformer().toCountTokens(clientBody, context);
      if (counting == null) {
        throw new CountTokensEstimate();
      }
      return counting;
    }
    return provider.transformer().toUpstream(clientBody, context);
  }

  private TranslationContext translationContext(String upstreamModel) {
    if (messageId == null) {
      messageId = RequestIds.messageId();
    }
    return new TranslationContext(
        request.body().model(),
        upstreamModel,
        request.body().stream(),
        messageId,
        degradations::add);
  }

  private ObjectNode readClientBody() {
    try {
      return (ObjectNode) JSON.readTree(request.body().body());
    } catch (Exception e) {
      throw new GatewayError(ErrorType.INVALID_REQUEST, "The request body could not be read.");
    }
  }

  private static byte[] writeJson(Object node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (Exception e) {
      throw new IllegalStateException("JSON serialization failed", e);
    }
  }

  private String describeNoCredential(
      ProviderRuntime provider, String upstreamModel, Set<Long> tried) {
    List<KeyPool.Unavailable> reasons = new ArrayList<>();
    if (provider.claudeAccounts()) {
      reasons.add(relay.accounts().describeUnavailable(triedAccounts));
    }
    if (!provider.claudeAccounts() || !provider.pool().members().isEmpty()) {
      reasons.add(provider.pool().describeUnavailable(upstreamModel, tried));
    }
    List<String> text = new ArrayList<>();
    for (KeyPool.Unavailable why : reasons) {
      if (why.soonestUsableMillis() > 0) {
        soonestRetryMillis = Math.min(soonestRetryMillis, why.soonestUsableMillis());
      }
      text.add(why.reason());
    }
    return String.join("; ", text);
  }

  // ---- upstream answers --------------------------------------------------------------------

  private synchronized void onResponse(
      HttpResponse<Flow.Publisher<List<ByteBuffer>>> response, Throwable error) {
    try {
      handleResponse(response, error);
    } catch (RuntimeException | Error e) {
      failUnexpectedly(e);
    }
  }

  private void handleResponse(
      HttpResponse<Flow.Publisher<List<ByteBuffer>>> response, Throwable error) {
    awaitingHeaders = null;
    if (finished || clientGone) {
      if (response != null) {
        response.body().subscribe(CancellingSubscriber.INSTANCE);
      }
      releaseLease();
      finishWithoutAnswer();
      return;
    }
    if (error != null) {
      Throwable cause =
          error instanceof CompletionException && error.getCause() != null
              ? error.getCause()
              : error;
      String reason =
          cause instanceof HttpTimeoutException
              ? "no answer within " + target.provider().firstByteTimeout().toSeconds() + " s"
              : "connection failed (" + cause.getClass().getSimpleName() + ")";
      recordFailure(
          new ErrorClassification(
              ErrorClass.UPSTREAM_ERROR,
              0,
              cause instanceof HttpTimeoutException ? ErrorType.TIMEOUT : ErrorType.API,
              "upstream " + reason));
      next();
      return;
    }
    upstreamStatus = response.statusCode();
    upstreamHeaders = response.headers();
    lastUpstreamActivityNanos = System.nanoTime();
    if (upstreamStatus >= 400) {
      body = new ByteArrayOutputStream();
    } else if (request.body().stream() && request.endpoint() == RelayRequest.Endpoint.MESSAGES) {
      stream = newStreamProcessor();
      openClient(upstreamStatus, true);
    } else {
      body = new ByteArrayOutputStream();
    }
    reader = new BodyReader();
    response.body().subscribe(reader);
  }

  private StreamProcessor newStreamProcessor() {
    ProviderRuntime provider = target.provider();
    if (provider.transformer() == null) {
      return new PassthroughStreamProcessor();
    }
    return new TranslatedStreamProcessor(
        provider
            .transformer()
            .newStreamTranslator(translationContext(target.upstreamModel(request.body().model()))),
        request.requestId());
  }

  private void handleChunk(List<ByteBuffer> buffers) {
    if (finished) {
      return;
    }
    lastUpstreamActivityNanos = System.nanoTime();
    boolean ready = true;
    for (ByteBuffer buffer : buffers) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      if (stream != null) {
        for (byte[] out : stream.onChunk(bytes, 0, bytes.length)) {
          ready = writeToClient(out);
        }
        if (stream.upstreamFault() != null) {
          stopReading();
          endStream(List.of(), ErrorClass.UPSTREAM_ERROR, stream.upstreamFault());
          return;
        }
      } else if (upstreamStatus >= 400) {
        // The classifier needs only the beginning of an error body.
        body.write(bytes, 0, Math.min(bytes.length, Math.max(0, MAX_ERROR_BODY - body.size())));
      } else if (body.size() + bytes.length > MAX_NON_STREAM_BODY) {
        stopReading();
        upstreamAnswerInvalid("an answer above " + MAX_NON_STREAM_BODY / (1024 * 1024) + " MiB");
        return;
      } else {
        body.write(bytes, 0, bytes.length);
      }
    }
    if (finished) {
      return;
    }
    if (ready || stream == null) {
      reader.request();
    }
    // else: clientReady() asks for more once the client has taken what is queued
  }

  private void handleBodyError(Throwable error) {
    if (finished) {
      return;
    }
    if (stream != null) {
      endStream(
          stream.onError(
              new GatewayError(ErrorType.API, "The upstream connection failed mid-stream.")),
          ErrorClass.UPSTREAM_ERROR,
          "stream broken: " + error.getClass().getSimpleName());
      return;
    }
    // Nothing reached the client yet: another key may answer.
    recordFailure(
        new ErrorClassification(
            ErrorClass.UPSTREAM_ERROR,
            0,
            ErrorType.API,
            "upstream body broken (" + error.getClass().getSimpleName() + ")"));
    body = null;
    next();
  }

  private void handleEnd() {
    if (finished) {
      return;
    }
    if (stream != null) {
      List<byte[]> tail = stream.onComplete();
      endStream(
          tail,
          stream.completedNormally() ? null : ErrorClass.UPSTREAM_ERROR,
          "stream ended early");
    } else if (upstreamStatus >= 400) {
      onErrorAnswer(body.toByteArray());
    } else {
      answerComplete(body.toByteArray());
    }
  }

  private void onErrorAnswer(byte[] errorBody) {
    UpstreamAnswer answer =
        new UpstreamAnswer(
            upstreamStatus, headerMap(upstreamHeaders), errorBody, System.currentTimeMillis());
    ProviderRuntime provider = target.provider();
    ErrorClassification classification =
        provider.transformer() == null
            ? AnthropicErrorClassifier.classify(answer)
            : provider.transformer().classifyError(answer);
    if (!classification.errorClass().retryable()) {
      lease.failed(ErrorClass.CLIENT_ERROR, 0, classification.message());
      releaseLease();
      if (provider.transformer() == null) {
        // The upstream's own words on what is wrong with the request, as it sent them.
        answerRaw(upstreamStatus, "application/json", errorBody);
      } else {
        answerError(classification.toGatewayError(upstreamStatus), Map.of());
      }
      return;
    }
    if (classification.errorClass() == ErrorClass.KEY_INVALID && renewAndRetry(classification)) {
      return;
    }
    recordFailure(classification);
    next();
  }

  /**
   * A Claude account's OAuth token was refused: once per account and request, the token is
   * refreshed (one refresh for all requests that saw the refusal) and the request sent again with
   * the new one; the loop waits for the refresh without holding a thread.
   *
   * @return whether a renewal is under way
   */
  private boolean renewAndRetry(ErrorClassification classification) {
    long accountId = lease.accountId();
    if (accountId == 0 || attempts >= MAX_ATTEMPTS || !renewedAccounts.add(accountId)) {
      return false;
    }
    var renewal = lease.renewAfterRefusal(classification.message());
    if (renewal == null) {
      return false;
    }
    failures.add(
        target.provider().name()
            + " "
            + lease.describe()
            + ": "
            + classification.message()
            + " (token refreshed)");
    lastFailure = classification;
    releaseLease();
    renewal.whenCompleteAsync(
        (renewed, error) -> onRenewed(accountId, error == null && Boolean.TRUE.equals(renewed)),
        relay.upstream().executor());
    return true;
  }

  private synchronized void onRenewed(long accountId, boolean renewed) {
    try {
      if (finished) {
        return;
      }
      AccountLease again = renewed ? relay.accounts().leaseAgain(accountId) : null;
      if (again == null) {
        next();
        return;
      }
      attempts++;
      lease = again;
      send(target.provider(), target.upstreamModel(request.body().model()));
    } catch (RuntimeException | Error e) {
      failUnexpectedly(e);
    }
  }

  private void recordFailure(ErrorClassification classification) {
    lastFailure = classification;
    failures.add(
        target.provider().name() + " " + lease.describe() + ": " + classification.message());
    if (classification.untilEpochMillis() > 0) {
      soonestRetryMillis = Math.min(soonestRetryMillis, classification.untilEpochMillis());
    }
    lease.failed(classification);
    releaseLease();
  }

  // ---- answers -----------------------------------------------------------------------------

  private void answerComplete(byte[] upstreamBody) {
    ProviderRuntime provider = target.provider();
    byte[] clientBody;
    UsageTally usage = new UsageTally();
    if (provider.transformer() == null) {
      String problem =
          AnthropicAnswerCheck.problem(
              request.endpoint(),
              upstreamHeaders.firstValue("content-type").orElse(null),
              upstreamBody,
              usage);
      if (problem != null) {
        upstreamAnswerInvalid(problem);
        return;
      }
      clientBody = upstreamBody;
    } else {
      try {
        JsonNode upstreamJson;
        try {
          upstreamJson = JSON.readTree(upstreamBody);
        } catch (JsonProcessingException e) {
          upstreamJson = null;
        }
        if (upstreamJson == null || !upstreamJson.isObject()) {
          upstreamAnswerInvalid("a body that is not a JSON object");
          return;
        }
        if (request.endpoint() == RelayRequest.Endpoint.COUNT_TOKENS) {
          long tokens = provider.transformer().countedTokens(upstreamJson);
          clientBody = ("{\"input_tokens\":" + tokens + "}").getBytes(StandardCharsets.UTF_8);
        } else {
          ObjectNode message =
              provider
                  .transformer()
                  .toClient(
                      upstreamJson,
                      translationContext(target.upstreamModel(request.body().model())));
          usage.observeMessage(message); // from the tree at hand, not by parsing its bytes again
          clientBody = writeJson(message);
        }
      } catch (GatewayError e) {
        // The upstream said 200 but failed (an error body, a cut answer): the plugin's verdict.
        lease.failed(ErrorClass.UPSTREAM_ERROR, 0, e.getMessage());
        releaseLease();
        answerError(e, Map.of());
        return;
      } catch (RuntimeException | java.io.IOException e) {
        LOG.log(
            Level.SEVERE,
            "Translating the upstream answer failed, request " + request.requestId(),
            e);
        lease.failed(ErrorClass.UPSTREAM_ERROR, 0, "untranslatable answer");
        releaseLease();
        answerError(
            new GatewayError(
                ErrorType.API,
                "The relay could not translate the upstream's answer (request "
                    + request.requestId()
                    + ")."),
            Map.of());
        return;
      }
    }
    lease.succeeded();
    releaseLease();
    openClient(upstreamStatus, false);
    writeToClient(clientBody);
    finish(upstreamStatus, null, usage);
  }

  /**
   * The upstream said success but its body is not the answer: nothing reached the client, so the
   * credential is charged as for a 5xx and another one tried; the client gets a 502 {@code
   * api_error} if none answers properly.
   */
  private void upstreamAnswerInvalid(String what) {
    recordFailure(
        new ErrorClassification(
            ErrorClass.UPSTREAM_ERROR,
            0,
            ErrorType.API,
            "upstream answered " + upstreamStatus + " with " + what));
    body = null;
    next();
  }

  /**
   * The upstream has no token counting endpoint: an estimate from the request's size, about four
   * bytes of JSON a token (Claude Code uses the count only to decide when to compact).
   */
  private void answerTokenEstimate() {
    byte[] estimate =
        ("{\"input_tokens\":" + request.body().estimatedInputTokens() + "}")
            .getBytes(StandardCharsets.UTF_8);
    degradations.add("input_tokens estimated: the upstream has no token counting endpoint");
    answerRaw(200, "application/json", estimate);
  }

  private void answerRaw(int status, String contentType, byte[] bytes) {
    Map<String, String> headers = baseHeaders();
    headers.put("content-type", contentType);
    client.open(status, headers);
    markFirstByte();
    writeToClient(bytes);
    UsageTally none = new UsageTally();
    String errorType = null;
    try {
      errorType = JSON.readTree(bytes).path("error").path("type").asText(null);
    } catch (Exception ignored) {
      // not JSON: leave the type unknown
    }
    finish(status, status >= 400 ? (errorType == null ? "api_error" : errorType) : null, none);
  }

  private void answerError(GatewayError error, Map<String, String> extraHeaders) {
    Map<String, String> headers = baseHeaders();
    headers.putAll(extraHeaders);
    client.error(error, headers);
    finish(error.httpStatus(), error.type().wireName(), new UsageTally());
  }

  private void giveUp() {
    String why = String.join("; ", failures);
    Map<String, String> headers = new LinkedHashMap<>();
    GatewayError error;
    if (lastFailure != null
        && lastFailure.errorClass() == ErrorClass.RATE_LIMITED
        && soonestRetryMillis != Long.MAX_VALUE) {
      long seconds = Math.max(1, (soonestRetryMillis - System.currentTimeMillis() + 999) / 1000);
      headers.put("retry-after", Long.toString(seconds));
      error =
          new GatewayError(
              ErrorType.RATE_LIMIT,
              "Every usable key or account is rate limited; retry after " + seconds + " s. " + why);
    } else if (lastFailure != null && lastFailure.errorClass() == ErrorClass.UPSTREAM_ERROR) {
      error =
          new GatewayError(
              lastFailure.clientType() == ErrorType.TIMEOUT ? ErrorType.TIMEOUT : ErrorType.API,
              lastFailure.clientType() == ErrorType.TIMEOUT ? 504 : 502,
              "The upstream failed on every attempt (" + attempts + "): " + why);
    } else {
      if (soonestRetryMillis != Long.MAX_VALUE) {
        headers.put(
            "retry-after",
            Long.toString(
                Math.max(1, (soonestRetryMillis - System.currentTimeMillis() + 999) / 1000)));
      }
      error =
          new GatewayError(
              ErrorType.OVERLOADED,
              "No upstream could take the request (" + routeDescription + "): " + why);
    }
    answerError(error, headers);
  }

  // ---- streaming ---------------------------------------------------------------------------

  private void openClient(int status, boolean eventStream) {
    Map<String, String> headers = baseHeaders();
    if (eventStream) {
      headers.put("content-type", "text/event-stream; charset=utf-8");
      headers.put("cache-control", "no-cache");
      headers.put("x-accel-buffering", "no");
    } else {
      String type =
          upstreamHeaders == null ? null : upstreamHeaders.firstValue("content-type").orElse(null);
      headers.put(
          "content-type",
          target.provider().transformer() != null || type == null ? "application/json" : type);
    }
    client.open(status, headers);
  }

  private Map<String, String> baseHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("request-id", request.requestId());
    if (upstreamHeaders != null) {
      upstreamHeaders
          .firstValue("request-id")
          .ifPresent(id -> headers.put("x-upstream-request-id", id));
    }
    if (!degradations.isEmpty()) {
      headers.put("x-relay-degraded", String.join("; ", degradations).replaceAll("[\\r\\n]", " "));
    }
    return headers;
  }

  private boolean writeToClient(byte[] bytes) {
    markFirstByte();
    return client.write(bytes);
  }

  private void markFirstByte() {
    if (firstByteNanos < 0) {
      firstByteNanos = System.nanoTime();
    }
  }

  private synchronized void clientReady() {
    if (!finished && reader != null && stream != null) {
      reader.request();
    }
  }

  private void endStream(List<byte[]> tail, ErrorClass failure, String reason) {
    for (byte[] bytes : tail) {
      writeToClient(bytes);
    }
    if (failure == null) {
      lease.succeeded();
    } else {
      lease.failed(failure, 0, reason);
    }
    releaseLease();
    UsageTally usage = stream.usage();
    finish(upstreamStatus, usage.streamErrorType, usage);
  }

  /**
   * Called by the watchdog about once a second: ends what has passed a bound (see the class
   * comment).
   *
   * @return whether the exchange is over, so the watchdog may forget it
   */
  synchronized boolean checkDeadlines(long nowNanos) {
    try {
      if (finished || target == null) {
        return finished;
      }
      ProviderRuntime provider = target.provider();
      switch (ExchangeDeadlines.check(
          nowNanos,
          request.startedNanos(),
          lastUpstreamActivityNanos,
          reader != null,
          provider.streamIdleTimeout(),
          provider.totalTimeout())) {
        case TOTAL -> totalTimeExceeded(provider);
        case IDLE -> stalled(provider);
        case NONE -> {
          // within its bounds
        }
      }
    } catch (RuntimeException | Error e) {
      failUnexpectedly(e);
    }
    return finished;
  }

  /** No upstream byte for longer than the provider allows while its body is read. */
  private void stalled(ProviderRuntime provider) {
    stopReading();
    long seconds = seconds(provider.streamIdleTimeout());
    if (stream != null) {
      endStream(
          stream.onError(
              new GatewayError(
                  ErrorType.OVERLOADED, "The upstream stalled: no data for " + seconds + " s.")),
          ErrorClass.UPSTREAM_ERROR,
          "stream stalled");
      return;
    }
    // Nothing reached the client yet: as a first-byte timeout, another credential may answer.
    recordFailure(
        new ErrorClassification(
            ErrorClass.UPSTREAM_ERROR,
            0,
            ErrorType.TIMEOUT,
            "upstream stalled: no body byte for " + seconds + " s"));
    body = null;
    next();
  }

  /** The request is older than the provider's total bound: it ends now, whatever it waits for. */
  private void totalTimeExceeded(ProviderRuntime provider) {
    if (awaitingHeaders != null) {
      awaitingHeaders.cancel(true); // aborts the upstream request
      awaitingHeaders = null;
    }
    stopReading();
    long seconds = seconds(provider.totalTimeout());
    GatewayError error =
        new GatewayError(
            ErrorType.TIMEOUT,
            "The request took longer than the "
                + seconds
                + " s provider "
                + provider.name()
                + " allows"
                + (failures.isEmpty() ? "." : " (" + String.join("; ", failures) + ")."));
    String reason = "no complete answer within " + seconds + " s";
    if (stream != null) {
      endStream(stream.onError(error), ErrorClass.UPSTREAM_ERROR, reason);
      return;
    }
    if (lease != null) {
      lease.failed(ErrorClass.UPSTREAM_ERROR, 0, reason); // ignored if this attempt already ended
    }
    releaseLease();
    answerError(error, Map.of());
  }

  private static long seconds(java.time.Duration duration) {
    return Math.max(1, (duration.toMillis() + 999) / 1000);
  }

  /** Stops reading the current attempt's body; the upstream connection is closed. */
  private void stopReading() {
    if (reader != null) {
      reader.cancel();
      reader = null;
    }
  }

  private synchronized void clientGone() {
    if (finished) {
      return;
    }
    clientGone = true;
    if (awaitingHeaders != null) {
      awaitingHeaders.cancel(true);
    }
    stopReading(); // closes the upstream connection: the upstream sees the cancel
    if (lease != null) {
      lease.failed(ErrorClass.CLIENT_ERROR, 0, "client went away");
    }
    releaseLease();
    finishWithoutAnswer();
  }

  // ---- the end -----------------------------------------------------------------------------

  /**
   * A bug on the request path: logged with the request id, the upstream cancelled, and the client
   * told (an error answer, or an error event in a started stream) so no response stays open. The
   * HTTP client would otherwise swallow the exception and leave the client waiting.
   */
  private void failUnexpectedly(Throwable e) {
    LOG.log(Level.SEVERE, "The relay failed on request " + request.requestId(), e);
    if (finished) {
      return;
    }
    stopReading();
    GatewayError error =
        new GatewayError(
            ErrorType.API,
            "The relay failed to handle the request (request " + request.requestId() + ").");
    try {
      if (client.isOpen()) {
        client.write(ErrorEvents.event(error));
      } else {
        client.error(error, Map.of("request-id", request.requestId()));
      }
    } finally {
      if (lease != null) {
        lease.failed(ErrorClass.UPSTREAM_ERROR, 0, "relay failure");
      }
      releaseLease();
      finished = true;
      client.close();
    }
  }

  private void releaseLease() {
    if (lease != null) {
      lease.close();
    }
  }

  private void finishWithoutAnswer() {
    UsageTally usage = stream != null ? stream.usage() : new UsageTally();
    finish(499, null, usage);
  }

  private void finish(int status, String errorType, UsageTally usage) {
    if (finished) {
      return;
    }
    finished = true;
    relay.watchdog().forget(this);
    client.close();
    long now = System.nanoTime();
    ProviderRuntime provider = target == null ? null : target.provider();
    RequestRecord record =
        new RequestRecord(
            request.requestId(),
            request.startedAtMillis(),
            request.clientKey() == null ? 0 : request.clientKey().id(),
            provider == null ? 0 : provider.id(),
            lease == null ? 0 : lease.keyId(),
            lease == null ? 0 : lease.accountId(),
            request.body().model(),
            target == null ? null : target.upstreamModel(request.body().model()),
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
            attempts,
            degradations.isEmpty() ? null : String.join("; ", degradations));
    relay.completed(record, provider == null ? null : provider.name());
  }

  private static Map<String, List<String>> headerMap(HttpHeaders headers) {
    Map<String, List<String>> map = new HashMap<>();
    headers.map().forEach((k, v) -> map.put(k.toLowerCase(Locale.ROOT), v));
    return map;
  }

  /**
   * Reads one attempt's response body into the exchange. Once the exchange has moved on (the
   * attempt stalled, was refused or cancelled), its late signals are dropped, so they cannot mix
   * into the next attempt's body.
   */
  private final class BodyReader implements Flow.Subscriber<List<ByteBuffer>> {

    private Flow.Subscription subscription;
    private boolean cancelled;

    @Override
    public void onSubscribe(Flow.Subscription upstreamSubscription) {
      synchronized (RelayExchange.this) {
        subscription = upstreamSubscription;
        if (cancelled || reader != this || finished || clientGone) {
          upstreamSubscription.cancel();
          return;
        }
        upstreamSubscription.request(1);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      synchronized (RelayExchange.this) {
        if (reader != this) {
          return;
        }
        try {
          handleChunk(buffers);
        } catch (RuntimeException | Error e) {
          failUnexpectedly(e);
        }
      }
    }

    @Override
    public void onError(Throwable error) {
      synchronized (RelayExchange.this) {
        if (reader != this) {
          return;
        }
        reader = null;
        try {
          handleBodyError(error);
        } catch (RuntimeException | Error e) {
          failUnexpectedly(e);
        }
      }
    }

    @Override
    public void onComplete() {
      synchronized (RelayExchange.this) {
        if (reader != this) {
          return;
        }
        reader = null;
        try {
          handleEnd();
        } catch (RuntimeException | Error e) {
          failUnexpectedly(e);
        }
      }
    }

    void request() {
      if (subscription != null) {
        subscription.request(1);
      }
    }

    void cancel() {
      cancelled = true;
      if (subscription != null) {
        subscription.cancel();
      }
    }
  }

  /** Answers a count_tokens request for an upstream without a counting endpoint. */
  private static final class CountTokensEstimate extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CountTokensEstimate() {
      super(null, null, false, false);
    }
  }

  /** Drains and drops a body nobody will read, so its connection closes. */
  private enum CancellingSubscriber implements Flow.Subscriber<List<ByteBuffer>> {
    INSTANCE;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.cancel();
    }

    @Override
    public void onNext(List<ByteBuffer> item) {}

    @Override
    public void onError(Throwable throwable) {}

    @Override
    public void onComplete() {}
  }
}
