package dev.clauderelay.gateway.application.relay;

import dev.clauderelay.gateway.application.routing.RouteTarget;
import dev.clauderelay.gateway.application.topology.ProviderRuntime;
import dev.clauderelay.gateway.infrastructure.upstream.UpstreamHeaders;
import dev.clauderelay.plugin.api.ErrorClass;
import dev.clauderelay.plugin.api.ErrorClassification;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.UpstreamAnswer;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What an exchange does with its current attempt's answer, by kind: a stream is forwarded event by
 * event through a {@link StreamProcessor} as it arrives; a whole answer is held, then checked
 * (Anthropic: it must be a message) or translated, and forwarded; an error answer is classified,
 * and becomes another attempt, a renewed credential, or the client's error. An answer that breaks
 * off, stalls or never comes is handled here too: before the client has a byte, it is the
 * credential's failure and another attempt follows; in a started stream, an {@code error} event
 * ends it.
 *
 * <p>Each step settles the attempt's credential ({@link Attempts}) and writes the client's response
 * ({@link ClientResponse}) as far as it can, then returns what the exchange does next; none calls
 * the exchange. Not thread-safe: its exchange calls it under the exchange's lock.
 */
final class AnswerHandler {

  /** What the exchange does after a step. */
  enum Then {
    /** Read the next chunk of the body. */
    READ_ON,
    /** Read on once the client has taken what is queued. */
    AWAIT_CLIENT,
    /** The attempt failed and is settled: stop reading it and take the next. */
    NEXT_ATTEMPT,
    /** The attempt's credential is being renewed ({@link Attempts#renewal}): wait for it. */
    AWAIT_RENEWAL,
    /**
     * The upstream refused a field it does not take; the request is fixed ({@link RefusalFixes}):
     * stop reading and send it again with the same credential.
     */
    SEND_FIXED,
    /** The exchange is over: stop reading. */
    OVER
  }

  private static final Logger LOG = Logger.getLogger(AnswerHandler.class.getName());

  /** The classifiers need only the beginning of an error body. */
  private static final int MAX_ERROR_BODY = 64 * 1024;

  /** A whole non-stream answer is held before it is checked and sent; larger ones are refused. */
  private static final int MAX_NON_STREAM_BODY = 64 * 1024 * 1024;

  private final RelayRequest request;
  private final Attempts attempts;
  private final Translation translation;
  private final ClientResponse response;
  private final RefusalFixes refusalFixes;

  private int status;
  private HttpHeaders headers;

  /** The current attempt's stream, once it has started; {@code null} for other answers. */
  private StreamProcessor stream;

  /** The current attempt's whole answer or error body as it arrives. */
  private ByteArrayOutputStream body;

  AnswerHandler(
      RelayRequest request,
      Attempts attempts,
      Translation translation,
      ClientResponse response,
      RefusalFixes refusalFixes) {
    this.request = request;
    this.attempts = attempts;
    this.translation = translation;
    this.response = response;
    this.refusalFixes = refusalFixes;
  }

  /** Whether the client's stream has started: from then on, failures go in-band. */
  boolean streaming() {
    return stream != null;
  }

  /** What the client received of usage so far. */
  UsageTally usage() {
    return stream != null ? stream.usage() : new UsageTally();
  }

  // ---- no answer ----------------------------------------------------------------------------

  /**
   * No answer came: the connection failed, or the first-byte timeout passed. Nothing reached the
   * client, so another credential may answer.
   */
  Then unanswered(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    boolean timedOut = cause instanceof HttpTimeoutException;
    String reason =
        timedOut
            ? "no answer within "
                + attempts.target().provider().firstByteTimeout().toSeconds()
                + " s"
            : "connection failed (" + cause.getClass().getSimpleName() + ")";
    attempts.failed(
        new ErrorClassification(
            ErrorClass.UPSTREAM_ERROR,
            0,
            timedOut ? ErrorType.TIMEOUT : ErrorType.API,
            "upstream " + reason));
    return Then.NEXT_ATTEMPT;
  }

  // ---- an answer's body ---------------------------------------------------------------------

  /** The answer's headers arrived: its kind is known, and a stream's response opens now. */
  void begin(int answerStatus, HttpHeaders answerHeaders) {
    status = answerStatus;
    headers = answerHeaders;
    response.upstreamAnswered(answerHeaders);
    if (attempts.lease() != null) {
      attempts.lease().answered(answerHeaders);
    }
    if (status < 400
        && request.body().stream()
        && request.endpoint() == RelayRequest.Endpoint.MESSAGES) {
      stream = newStreamProcessor();
      response.openStream(status);
    } else {
      body = new ByteArrayOutputStream();
    }
  }

  private StreamProcessor newStreamProcessor() {
    RouteTarget target = attempts.target();
    if (target.provider().transformer() == null) {
      return new PassthroughStreamProcessor();
    }
    return new TranslatedStreamProcessor(
        target
            .provider()
            .transformer()
            .newStreamTranslator(translation.context(target.upstreamModel(request.body().model()))),
        request.requestId());
  }

  /** A chunk of the body: a stream's events go to the client, other bodies are held. */
  Then onChunk(List<ByteBuffer> buffers) {
    boolean ready = true;
    // The events of what the upstream sent at once go out in one write: they are all here now, so
    // holding none back delays none, and one write instead of one per event (24 for a short
    // answer read whole) spares a system call and a wake-up of the client per event.
    List<byte[]> events = new ArrayList<>();
    for (ByteBuffer buffer : buffers) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      if (stream != null) {
        events.addAll(stream.onChunk(bytes, 0, bytes.length));
        if (stream.upstreamFault() != null) {
          endStream(events, ErrorClass.UPSTREAM_ERROR, stream.upstreamFault());
          return Then.OVER;
        }
      } else if (status >= 400) {
        body.write(bytes, 0, Math.min(bytes.length, Math.max(0, MAX_ERROR_BODY - body.size())));
      } else if (body.size() + bytes.length > MAX_NON_STREAM_BODY) {
        return invalid("an answer above " + MAX_NON_STREAM_BODY / (1024 * 1024) + " MiB");
      } else {
        body.write(bytes, 0, bytes.length);
      }
    }
    if (!events.isEmpty()) {
      ready = response.write(joined(events));
    }
    if (response.finished()) {
      return Then.OVER; // the client left while it was written to
    }
    return ready || stream == null ? Then.READ_ON : Then.AWAIT_CLIENT;
  }

  /** The body is complete. */
  Then onEnd() {
    if (stream != null) {
      List<byte[]> tail = stream.onComplete();
      endStream(
          tail,
          stream.completedNormally() ? null : ErrorClass.UPSTREAM_ERROR,
          "stream ended early");
      return Then.OVER;
    }
    return status >= 400 ? errorAnswer(body.toByteArray()) : wholeAnswer(body.toByteArray());
  }

  /** The body broke off. */
  Then onBroken(Throwable error) {
    if (stream != null) {
      endStream(
          stream.onError(
              new GatewayError(ErrorType.API, "The upstream connection failed mid-stream.")),
          ErrorClass.UPSTREAM_ERROR,
          "stream broken: " + error.getClass().getSimpleName());
      return Then.OVER;
    }
    // Nothing reached the client yet: another key may answer.
    attempts.failed(
        new ErrorClassification(
            ErrorClass.UPSTREAM_ERROR,
            0,
            ErrorType.API,
            "upstream body broken (" + error.getClass().getSimpleName() + ")"));
    body = null;
    return Then.NEXT_ATTEMPT;
  }

  /** No body byte for {@code seconds}, longer than the provider allows. */
  Then onStalled(long seconds) {
    if (stream != null) {
      endStream(
          stream.onError(
              new GatewayError(
                  ErrorType.OVERLOADED, "The upstream stalled: no data for " + seconds + " s.")),
          ErrorClass.UPSTREAM_ERROR,
          "stream stalled");
      return Then.OVER;
    }
    // Nothing reached the client yet: as a first-byte timeout, another credential may answer.
    attempts.failed(
        new ErrorClassification(
            ErrorClass.UPSTREAM_ERROR,
            0,
            ErrorType.TIMEOUT,
            "upstream stalled: no body byte for " + seconds + " s"));
    body = null;
    return Then.NEXT_ATTEMPT;
  }

  /**
   * The request ran out of time, whatever it waited for: a started stream ends with {@code error},
   * else the client gets {@code error}; the attempt's credential is charged unless already settled.
   */
  void onTimedOut(GatewayError error, String reason) {
    if (stream != null) {
      endStream(stream.onError(error), ErrorClass.UPSTREAM_ERROR, reason);
      return;
    }
    attempts.failedFinally(ErrorClass.UPSTREAM_ERROR, reason);
    response.answerError(error, Map.of());
  }

  private void endStream(List<byte[]> tail, ErrorClass failure, String reason) {
    if (failure == null) {
      attempts.succeeded();
    } else {
      attempts.failedFinally(failure, reason);
    }
    UsageTally usage = stream.usage();
    response.finish(tail.isEmpty() ? null : joined(tail), status, usage.streamErrorType, usage);
  }

  private static byte[] joined(List<byte[]> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  // ---- a whole answer -----------------------------------------------------------------------

  private Then wholeAnswer(byte[] upstreamBody) {
    ProviderRuntime provider = attempts.target().provider();
    UsageTally usage = new UsageTally();
    byte[] clientBody;
    if (provider.transformer() == null) {
      String problem =
          AnthropicAnswerCheck.problem(
              request.endpoint(),
              headers.firstValue("content-type").orElse(null),
              upstreamBody,
              usage);
      if (problem != null) {
        return invalid(problem);
      }
      clientBody = upstreamBody;
    } else {
      try {
        clientBody =
            TranslatedAnswers.clientBody(
                request, attempts.target(), upstreamBody, translation, usage);
      } catch (GatewayError e) {
        // The upstream said 200 but failed (an error body, a cut answer): the plugin's verdict.
        attempts.failedFinally(ErrorClass.UPSTREAM_ERROR, e.getMessage());
        response.answerError(e, Map.of());
        return Then.OVER;
      } catch (RuntimeException e) {
        LOG.log(
            Level.SEVERE,
            "Translating the upstream answer failed, request " + request.requestId(),
            e);
        attempts.failedFinally(ErrorClass.UPSTREAM_ERROR, "untranslatable answer");
        response.answerError(
            new GatewayError(
                ErrorType.API,
                "The relay could not translate the upstream's answer (request "
                    + request.requestId()
                    + ")."),
            Map.of());
        return Then.OVER;
      }
      if (clientBody == null) {
        return invalid("a body that is not a JSON object");
      }
    }
    attempts.succeeded();
    response.openWhole(status, provider.transformer() != null, clientBody.length);
    response.finish(clientBody, status, null, usage);
    return Then.OVER;
  }

  /**
   * The upstream said success but its body is not the answer: nothing reached the client, so the
   * credential is charged as for a 5xx and another one tried; the client gets a 502 {@code
   * api_error} if none answers properly.
   */
  private Then invalid(String what) {
    attempts.failed(
        new ErrorClassification(
            ErrorClass.UPSTREAM_ERROR,
            0,
            ErrorType.API,
            "upstream answered " + status + " with " + what));
    body = null;
    return Then.NEXT_ATTEMPT;
  }

  // ---- an error answer ----------------------------------------------------------------------

  /**
   * An error answer, classified by the provider: the client's own mistake is answered at once (an
   * Anthropic upstream's own words as it sent them), unless a translated upstream refused a field
   * it does not take, for a known reason: then the request is fixed and sent again, once; a refused
   * Claude account is renewed once; any other failure leaves the credential to its consequence and
   * the next attempt follows.
   */
  private Then errorAnswer(byte[] errorBody) {
    ProviderRuntime provider = attempts.target().provider();
    ErrorClassification classification =
        provider.classifyError(
            new UpstreamAnswer(
                status,
                UpstreamHeaders.lowerCased(headers),
                errorBody,
                System.currentTimeMillis()));
    if (!classification.errorClass().retryable()) {
      RefusalRules.Rule fix =
          refusalFixes.fix(
              provider, attempts.target().upstreamModel(request.body().model()), status, errorBody);
      if (fix != null) {
        translation.accept(fix.sentence());
        body = null;
        return Then.SEND_FIXED;
      }
      attempts.failedFinally(ErrorClass.CLIENT_ERROR, classification.message());
      if (provider.transformer() == null) {
        response.answerRaw(status, "application/json", errorBody);
      } else {
        response.answerError(classification.toGatewayError(status), Map.of());
      }
      return Then.OVER;
    }
    if (classification.errorClass() == ErrorClass.KEY_INVALID
        && attempts.renewAfterRefusal(classification)) {
      return Then.AWAIT_RENEWAL;
    }
    attempts.failed(classification);
    return Then.NEXT_ATTEMPT;
  }
}
