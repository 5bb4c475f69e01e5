package dev.clauderelay.gateway.application.pool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clauderelay.gateway.application.topology.ProviderRuntime;
import dev.clauderelay.gateway.domain.model.provider.ProviderKind;
import dev.clauderelay.gateway.infrastructure.crypto.Secrets;
import dev.clauderelay.gateway.infrastructure.upstream.UpstreamClient;
import dev.clauderelay.gateway.infrastructure.upstream.UpstreamHeaders;
import dev.clauderelay.plugin.api.ErrorClass;
import dev.clauderelay.plugin.api.ErrorClassification;
import dev.clauderelay.plugin.api.UpstreamAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Tests one key with the cheapest request its upstream kind offers, the model list: {@code GET
 * {base}/v1/models} with {@code x-api-key} for Anthropic, {@code GET {base}/models} with a bearer
 * token for OpenAI-compatible APIs, {@code GET {base}/models} with {@code x-goog-api-key} for
 * Gemini. Costs no tokens and counts against no model's quota. The answer is classified by the same
 * table as traffic; what comes back never holds the key (any echo of it is masked).
 */
@ApplicationScoped
public class KeyProber {

  /** Probes in flight at once for one batch: an import's test, a maintenance run. */
  static final int PARALLELISM = 8;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration MAX_PROBE_TIME = Duration.ofSeconds(15);
  private static final int MAX_MESSAGE = 300;

  @Inject private UpstreamClient upstream;

  /** Probes {@code secret} against {@code provider}'s upstream; the future never fails. */
  public CompletableFuture<ProbeResult> probe(ProviderRuntime provider, String secret) {
    long started = System.nanoTime();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("accept", List.of("application/json"));
    if (provider.kind() == ProviderKind.ANTHROPIC) {
      headers.put("anthropic-version", List.of("2023-06-01"));
    }
    UpstreamHeaders.applyApiKey(provider.kind(), secret, headers);
    Duration timeout =
        provider.firstByteTimeout().compareTo(MAX_PROBE_TIME) < 0
            ? provider.firstByteTimeout()
            : MAX_PROBE_TIME;
    CompletableFuture<HttpResponse<byte[]>> sent;
    try {
      sent = upstream.get(probeUri(provider), headers, provider.connectTimeout(), timeout);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    return sent.handle(
        (response, error) -> {
          long latency = (System.nanoTime() - started) / 1_000_000;
          if (error != null) {
            return failedToAnswer(error, latency);
          }
          return verdict(provider, secret, response, latency);
        });
  }

  /**
   * Probes many secrets against {@code provider}'s upstream, at most {@value #PARALLELISM} at a
   * time, and waits for every answer; the answers come in the order of {@code secrets}.
   */
  public List<ProbeResult> probeAll(ProviderRuntime provider, List<String> secrets) {
    List<ProbeResult> results = new ArrayList<>(secrets.size());
    for (int from = 0; from < secrets.size(); from += PARALLELISM) {
      List<CompletableFuture<ProbeResult>> wave = new ArrayList<>();
      for (String secret : secrets.subList(from, Math.min(secrets.size(), from + PARALLELISM))) {
        wave.add(probe(provider, secret));
      }
      wave.forEach(f -> results.add(f.join()));
    }
    return results;
  }

  /** The model list of the provider's kind, asking for the shortest page. */
  static URI probeUri(ProviderRuntime provider) {
    String base = provider.baseUri().toString();
    return URI.create(
        switch (provider.kind()) {
          case ANTHROPIC -> base + "/v1/models?limit=1";
          case OPENAI, OPENAI_RESPONSES -> base + "/models";
          case GEMINI -> base + "/models?pageSize=1";
        });
  }

  private static ProbeResult failedToAnswer(Throwable error, long latency) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    String what =
        cause instanceof HttpTimeoutException
                || cause instanceof java.util.concurrent.TimeoutException
            ? "no answer in time"
            : "connection failed (" + cause.getClass().getSimpleName() + ")";
    return new ProbeResult(0, ErrorClass.UPSTREAM_ERROR, "upstream " + what, 0, latency);
  }

  private static ProbeResult verdict(
      ProviderRuntime provider, String secret, HttpResponse<byte[]> response, long latency) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new ProbeResult(status, null, "the upstream accepted the key", 0, latency);
    }
    ErrorClassification classification =
        provider.classifyError(
            new UpstreamAnswer(
                status,
                UpstreamHeaders.lowerCased(response.headers()),
                response.body(),
                System.currentTimeMillis()));
    String upstreamSaid = upstreamMessage(response.body(), secret);
    String message =
        classification.message() + (upstreamSaid == null ? "" : " Upstream: " + upstreamSaid);
    return new ProbeResult(
        status, classification.errorClass(), message, classification.untilEpochMillis(), latency);
  }

  /**
   * The upstream's own error message ({@code error.message}, or {@code error} when it is text), on
   * one line, shortened, with the key masked wherever the upstream echoed it.
   */
  static String upstreamMessage(byte[] body, String secret) {
    String text;
    try {
      JsonNode root = JSON.readTree(body);
      JsonNode error = (root != null && root.isArray() ? root.path(0) : root).path("error");
      text = error.isTextual() ? error.asText() : error.path("message").asText(null);
    } catch (Exception notJson) {
      return null;
    }
    if (text == null || text.isBlank()) {
      return null;
    }
    String oneLine = text.replaceAll("\\s+", " ").strip();
    if (secret != null && !secret.isEmpty()) {
      oneLine = oneLine.replace(secret, Secrets.mask(secret));
    }
    return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "...";
  }
}
