package dev.clauderelay.gateway.application.relay;

import dev.clauderelay.gateway.application.usage.RequestRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The relay's MicroProfile metrics at {@code /metrics}: requests by provider and status, errors by
 * type, latency and time to first byte per provider, tokens per provider and kind. Metric handles
 * are cached per tag set, so recording is a map lookup and an atomic add.
 */
@ApplicationScoped
public class RelayMetrics {

  @Inject private MetricRegistry registry;

  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  /** Resolves the registry now, on a container thread. */
  void warmUp() {
    registry.getNames();
  }

  /**
   * Records one finished request. Public, as every method called per request through this bean's
   * client proxy: Weld calls a package-private method of a proxied bean by reflection.
   */
  public void completed(RequestRecord record, String providerName) {
    String provider = providerName == null ? "none" : providerName;
    counter(
            "relay_requests_total",
            "provider",
            provider,
            "status",
            Integer.toString(record.status()))
        .inc();
    if (record.errorType() != null) {
      counter("relay_errors_total", "provider", provider, "type", record.errorType()).inc();
    }
    if (providerName == null) {
      return;
    }
    timer("relay_request_duration", provider).update(Duration.ofMillis(record.latencyMs()));
    if (record.firstByteMs() >= 0) {
      timer("relay_first_byte_duration", provider).update(Duration.ofMillis(record.firstByteMs()));
    }
    addTokens(provider, "input", record.inputTokens());
    addTokens(provider, "output", record.outputTokens());
    addTokens(provider, "cache_creation", record.cacheCreationTokens());
    addTokens(provider, "cache_read", record.cacheReadTokens());
  }

  private void addTokens(String provider, String kind, long tokens) {
    if (tokens > 0) {
      counter("relay_tokens_total", "provider", provider, "kind", kind).inc(tokens);
    }
  }

  private Counter counter(String name, String tag1, String value1, String tag2, String value2) {
    return counters.computeIfAbsent(
        name + '|' + value1 + '|' + value2,
        k -> registry.counter(name, new Tag(tag1, value1), new Tag(tag2, value2)));
  }

  private Timer timer(String name, String provider) {
    // The unit is stated: without it Payara exports a timer's nanoseconds under a "_seconds" name.
    return timers.computeIfAbsent(
        name + '|' + provider,
        k ->
            registry.timer(
                Metadata.builder().withName(name).withUnit(MetricUnits.NANOSECONDS).build(),
                new Tag("provider", provider)));
  }
}
