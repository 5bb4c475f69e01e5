package dev.clauderelay.gateway.application.relay;

import dev.clauderelay.gateway.application.relay.AnswerHandler.Then;
import dev.clauderelay.gateway.application.routing.ResolvedRoute;
import dev.clauderelay.gateway.application.topology.ProviderRuntime;
import dev.clauderelay.gateway.infrastructure.upstream.UpstreamCall;
import dev.clauderelay.plugin.api.ErrorClass;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client request on its way through the relay: the explicit, bounded attempt loop (a Claude
 * account when the target sends with them, else a key from the target's pool; on 429, 529, 5xx,
 * connect failure or timeout before any byte reached the client, another credential, then the next
 * fallback target; a refused OAuth token is refreshed and tried once more; a translated request
 * that an upstream refuses for a known reason ({@link RefusalRules}) is fixed and sent once more;
 * never a retry of the client's own mistake), then the answer, forwarded as it arrives at the pace
 * the client reads it.
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
 * <p>This class holds the exchange together; the work is done one floor down, and each floor
 * answers with a return value: {@link Attempts} picks targets and credentials and settles them,
 * {@link UpstreamCalls} builds each call, {@link AnswerHandler} deals with each answer by kind and
 * says what comes next, {@link ClientResponse} writes to the client and records the request.
 *
 * <p>Nothing here blocks a thread: the upstream call completes on the HTTP client's threads and the
 * client's writes resume on the container's. Every entry point runs synchronized on the exchange
 * (the body's signals through {@link BodyReader}, which takes the same monitor): they come from
 * those threads and from the watchdog, never at the same time for long. The helpers below are not
 * thread-safe and are called only under that lock.
 */
final class RelayExchange implements ExchangeWatchdog.Watched, BodyReader.Listener {

  private static final Logger LOG = Logger.getLogger(RelayExchange.class.getName());

  private final ExchangeServices services;
  private final RelayRequest request;

  /**
   * How long an exchange waits for its first byte to the client before the client's connection is
   * watched for a hang-up: the watch costs the connection its keep-alive, so quick exchanges go
   * without it. Once bytes flow, a silent stream's pings hear the hang-up instead.
   */
  private static final long HANG_UP_WATCH_AFTER_NANOS = 1_000_000_000L;

  private final ClientChannel client;
  private final Translation translation;
  private final Attempts attempts;
  private final ClientResponse response;
  private final AnswerHandler answer;
  private final RefusalFixes refusalFixes = new RefusalFixes(RefusalRules.shipped());

  /** The current attempt's call while its response headers are awaited, else {@code null}. */
  private CompletableFuture<?> awaitingHeaders;

  /** The current attempt's body while it is read, else {@code null}. */
  private BodyReader reader;

  private long lastUpstreamActivityNanos;

  /**
   * The client has not taken what was written yet, so the upstream is not read: its silence
   * meanwhile is not the upstream's, and its idle bound does not run.
   */
  private boolean awaitingClient;

  RelayExchange(
      ExchangeServices services, RelayRequest request, ResolvedRoute route, ClientChannel client) {
    this.services = services;
    this.request = request;
    this.client = client;
    this.translation = new Translation(request.body(), request.headers());
    this.attempts = new Attempts(request, route, services.accounts());
    this.response = new ClientResponse(request, client, attempts, translation, services, this);
    this.answer = new AnswerHandler(request, attempts, translation, response, refusalFixes);
  }

  synchronized void start() {
    client.onGone(this::clientGone);
    client.onReady(this::clientReady);
    services.watchdog().watch(this);
    next();
  }

  // ---- the attempt loop ---------------------------------------------------------------------

  private void next() {
    if (response.finished()) {
      return;
    }
    if (attempts.advance()) {
      send();
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    GatewayError exhausted = attempts.exhausted(headers);
    response.answerError(exhausted, headers);
  }

  private void send() {
    UpstreamCall call;
    try {
      call =
          UpstreamCalls.build(
              request, attempts.target(), attempts.lease(), translation, refusalFixes);
    } catch (GatewayError e) {
      // The request cannot be expressed for this upstream: the client's problem, not the key's.
      attempts.release();
      response.answerError(e, Map.of());
      return;
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE, "Could not build the upstream request, request " + request.requestId(), e);
      attempts.release();
      response.answerError(
          new GatewayError(
              ErrorType.API,
              "The relay could not prepare the upstream request (request "
                  + request.requestId()
                  + ")."),
          Map.of());
      return;
    }
    if (call == null) {
      attempts.release();
      response.answerTokenEstimate();
      return;
    }
    // Continue on the relay's managed threads, whichever thread completed the call.
    var sent = services.upstream().send(call);
    awaitingHeaders = sent;
    sent.whenCompleteAsync(this::onResponse, services.upstream().executor());
  }

  private void awaitRenewal() {
    attempts
        .renewal()
        .whenCompleteAsync(
            (renewed, error) -> onRenewed(error == null && Boolean.TRUE.equals(renewed)),
            services.upstream().executor());
  }

  private synchronized void onRenewed(boolean renewed) {
    try {
      if (response.finished()) {
        return;
      }
      if (attempts.resumeAfterRenewal(renewed)) {
        send();
      } else {
        next();
      }
    } catch (RuntimeException | Error e) {
      failUnexpectedly(e);
    }
  }

  // ---- the answer ---------------------------------------------------------------------------

  private synchronized void onResponse(
      HttpResponse<Flow.Publisher<List<ByteBuffer>>> upstream, Throwable error) {
    try {
      awaitingHeaders = null;
      if (response.finished() || response.clientGone()) {
        if (upstream != null) {
          BodyReader.discard(upstream.body());
        }
        attempts.release();
        response.finishWithoutAnswer(answer.usage());
        return;
      }
      if (error != null) {
        follow(answer.unanswered(error));
        return;
      }
      lastUpstreamActivityNanos = System.nanoTime();
      answer.begin(upstream.statusCode(), upstream.headers());
      reader = new BodyReader(this);
      upstream.body().subscribe(reader);
    } catch (RuntimeException | Error e) {
      failUnexpectedly(e);
    }
  }

  @Override
  public boolean over() {
    return response.finished() || response.clientGone();
  }

  @Override
  public void onBody(List<ByteBuffer> buffers) {
    try {
      if (response.finished()) {
        return;
      }
      lastUpstreamActivityNanos = System.nanoTime();
      follow(answer.onChunk(buffers));
    } catch (RuntimeException | Error e) {
      failUnexpectedly(e);
    }
  }

  @Override
  public void onBodyEnd() {
    reader = null;
    try {
      if (!response.finished()) {
        follow(answer.onEnd());
      }
    } catch (RuntimeException | Error e) {
      failUnexpectedly(e);
    }
  }

  @Override
  public void onBodyBroken(Throwable error) {
    reader = null;
    try {
      if (!response.finished()) {
        follow(answer.onBroken(error));
      }
    } catch (RuntimeException | Error e) {
      failUnexpectedly(e);
    }
  }

  private void follow(Then then) {
    switch (then) {
      case READ_ON -> reader.request();
      case AWAIT_CLIENT -> awaitingClient = true; // clientReady() asks for more
      case NEXT_ATTEMPT -> {
        stopReading();
        next();
      }
      case AWAIT_RENEWAL -> awaitRenewal();
      case SEND_FIXED -> {
        stopReading();
        send();
      }
      case OVER -> stopReading();
    }
  }

  /** Stops reading the current attempt's body; the upstream connection is closed. */
  private void stopReading() {
    if (reader != null) {
      reader.cancel();
      reader = null;
    }
  }

  // ---- the client ---------------------------------------------------------------------------

  private synchronized void clientReady() {
    if (awaitingClient) {
      awaitingClient = false;
      lastUpstreamActivityNanos = System.nanoTime();
    }
    if (!response.finished() && reader != null && answer.streaming()) {
      reader.request();
    }
  }

  private synchronized void clientGone() {
    if (response.finished()) {
      return;
    }
    response.clientWentAway();
    if (awaitingHeaders != null) {
      awaitingHeaders.cancel(true);
    }
    stopReading(); // closes the upstream connection: the upstream sees the cancel
    attempts.failedFinally(ErrorClass.CLIENT_ERROR, "client went away");
    response.finishWithoutAnswer(answer.usage());
  }

  // ---- deadlines ----------------------------------------------------------------------------

  @Override
  public synchronized boolean checkDeadlines(long nowNanos) {
    try {
      if (response.finished() || attempts.target() == null) {
        return response.finished();
      }
      if (response.nothingWritten()) {
        if (nowNanos - request.startedNanos() > HANG_UP_WATCH_AFTER_NANOS) {
          client.watchForHangUp();
        }
      } else {
        response.keepAlive(nowNanos);
      }
      ProviderRuntime provider = attempts.target().provider();
      switch (ExchangeDeadlines.check(
          nowNanos,
          request.startedNanos(),
          lastUpstreamActivityNanos,
          reader != null && !awaitingClient,
          provider.streamIdleTimeout(),
          provider.totalTimeout())) {
        case TOTAL -> totalTimeExceeded(provider);
        case IDLE -> {
          stopReading();
          follow(answer.onStalled(ExchangeDeadlines.seconds(provider.streamIdleTimeout())));
        }
        case NONE -> {
          // within its bounds
        }
      }
    } catch (RuntimeException | Error e) {
      failUnexpectedly(e);
    }
    return response.finished();
  }

  /** The request is older than the provider's total bound: it ends now, whatever it waits for. */
  private void totalTimeExceeded(ProviderRuntime provider) {
    if (awaitingHeaders != null) {
      awaitingHeaders.cancel(true); // aborts the upstream request
      awaitingHeaders = null;
    }
    stopReading();
    long seconds = ExchangeDeadlines.seconds(provider.totalTimeout());
    answer.onTimedOut(
        ExchangeDeadlines.totalTimeError(provider.name(), seconds, attempts.failures()),
        "no complete answer within " + seconds + " s");
  }

  // ---- a failure of the relay's own ---------------------------------------------------------

  /**
   * A bug on the request path: logged with the request id, the upstream cancelled, and the client
   * told (an error answer, or an error event in a started stream) so no response stays open. The
   * HTTP client would otherwise swallow the exception and leave the client waiting.
   */
  private void failUnexpectedly(Throwable e) {
    LOG.log(Level.SEVERE, "The relay failed on request " + request.requestId(), e);
    if (response.finished()) {
      return;
    }
    stopReading();
    try {
      response.tellFailure(
          new GatewayError(
              ErrorType.API,
              "The relay failed to handle the request (request " + request.requestId() + ")."));
    } finally {
      attempts.failedFinally(ErrorClass.UPSTREAM_ERROR, "relay failure");
      response.closeUnrecorded();
    }
  }
}
