package dev.clauderelay.gateway.application.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.gateway.application.topology.ProviderRuntime;

/**
 * One request's use of the {@link RefusalRules}: remembers the translated request last sent, finds
 * the rule that fixes a refusal of it (once per request: a second refusal is the client's answer),
 * and removes that rule's fields from every later request to the same provider.
 *
 * <p>Not thread-safe: used under its exchange's lock.
 */
final class RefusalFixes {

  private final RefusalRules rules;
  private ObjectNode lastSent;
  private long lastProviderId;
  private RefusalRules.Rule applied;
  private long appliedProviderId;

  RefusalFixes(RefusalRules rules) {
    this.rules = rules;
  }

  /** A translated request about to go to {@code provider}: the fix applied, if one is. */
  JsonNode sending(ProviderRuntime provider, JsonNode body) {
    if (!(body instanceof ObjectNode request)) {
      lastSent = null;
      return body;
    }
    if (applied != null && appliedProviderId == provider.id()) {
      applied.removeFrom(request);
    }
    lastSent = request;
    lastProviderId = provider.id();
    return request;
  }

  /**
   * The rule that fixes {@code provider}'s refusal of the request last sent, or {@code null} when
   * none does or one was applied already; from now on its fields are removed.
   */
  RefusalRules.Rule fix(ProviderRuntime provider, String upstreamModel, int status, byte[] body) {
    if (applied != null
        || lastSent == null
        || lastProviderId != provider.id()
        || provider.transformer() == null) {
      return null;
    }
    RefusalRules.Rule rule =
        rules.find(
            provider.transformer().upstreamKind(),
            provider.baseUri().getHost() == null ? "" : provider.baseUri().getHost(),
            upstreamModel,
            status,
            body,
            lastSent);
    if (rule != null) {
      applied = rule;
      appliedProviderId = provider.id();
    }
    return rule;
  }
}
