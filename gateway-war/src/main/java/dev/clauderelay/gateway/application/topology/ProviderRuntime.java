package dev.clauderelay.gateway.application.topology;

import dev.clauderelay.gateway.application.pool.KeyPool;
import dev.clauderelay.gateway.domain.model.provider.ProviderKind;
import dev.clauderelay.gateway.infrastructure.upstream.AnthropicErrorClassifier;
import dev.clauderelay.plugin.api.ErrorClassification;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugin.api.Transformer;
import dev.clauderelay.plugin.api.UpstreamAnswer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A provider ready for the request path: settings resolved, plugins looked up, pool attached.
 *
 * @param transformer {@code null} for {@code anthropic} providers (bytes pass through)
 * @param streamIdleTimeout the longest upstream silence while an answer's body is read
 * @param totalTimeout the longest a request may take, from its arrival to its last byte
 * @param claudeAccounts whether the provider sends with the relay's Claude accounts before its keys
 * @param unavailableReason why the provider cannot serve (disabled, a plugin not loaded), or {@code
 *     null}
 */
public record ProviderRuntime(
    long id,
    String name,
    ProviderKind kind,
    URI baseUri,
    Transformer transformer,
    KeySelectionStrategy strategy,
    List<String> models,
    Map<String, String> modelAliases,
    Set<String> betasToDrop,
    Duration connectTimeout,
    Duration firstByteTimeout,
    Duration streamIdleTimeout,
    Duration totalTimeout,
    boolean claudeAccounts,
    String unavailableReason,
    KeyPool pool) {

  public boolean available() {
    return unavailableReason == null;
  }

  /**
   * What one of this upstream's error answers means: by its transformer's table, or Anthropic's.
   */
  public ErrorClassification classifyError(UpstreamAnswer answer) {
    return transformer == null
        ? AnthropicErrorClassifier.classify(answer)
        : transformer.classifyError(answer);
  }
}
