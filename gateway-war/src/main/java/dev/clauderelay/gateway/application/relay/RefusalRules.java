package dev.clauderelay.gateway.application.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The known refusals of translated upstreams, as data ({@code refusal-rules.json} beside this
 * class): a provider that answers 400 to a field it does not take (DeepSeek to {@code
 * reasoning_effort} with thinking off, a server to {@code strict} on tools) gets the request again
 * without that field, once, and the client is told in {@code x-relay-degraded}.
 *
 * <p>The table lives in the gateway, not in the plugins: a plugin translates, purely; sending a
 * request again is transport, and the rules speak of the translated request the gateway holds.
 * Immutable and thread-safe once loaded.
 */
final class RefusalRules {

  /** One known refusal and its fix. */
  record Rule(
      String id,
      String kind,
      Pattern host,
      Pattern model,
      int status,
      Pattern body,
      List<String> remove,
      String sentence) {

    /** Whether this rule answers {@code refusal} of {@code sent}. */
    boolean matches(
        String upstreamKind,
        String upstreamHost,
        String upstreamModel,
        int answerStatus,
        String refusal,
        ObjectNode sent) {
      return kind.equals(upstreamKind)
          && status == answerStatus
          && (host == null || host.matcher(upstreamHost).matches())
          && (model == null || model.matcher(upstreamModel).matches())
          && body.matcher(refusal).find()
          && removeFrom(sent.deepCopy()) > 0;
    }

    /** Removes the rule's fields from {@code request}; returns how many were there. */
    int removeFrom(ObjectNode request) {
      int removed = 0;
      for (String path : remove) {
        removed += remove(request, path.split("\\."), 0);
      }
      return removed;
    }

    private static int remove(JsonNode node, String[] path, int at) {
      String step = path[at];
      boolean each = step.endsWith("[]");
      String name = each ? step.substring(0, step.length() - 2) : step;
      if (!node.isObject()) {
        return 0;
      }
      if (at == path.length - 1) {
        return ((ObjectNode) node).remove(name) == null ? 0 : 1;
      }
      JsonNode next = node.get(name);
      if (next == null) {
        return 0;
      }
      if (!each) {
        return remove(next, path, at + 1);
      }
      int removed = 0;
      for (JsonNode element : next) {
        removed += remove(element, path, at + 1);
      }
      return removed;
    }
  }

  private static final RefusalRules SHIPPED = load("refusal-rules.json");

  private final List<Rule> rules;

  RefusalRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    Set<String> ids = new HashSet<>();
    for (Rule rule : rules) {
      if (!ids.add(rule.id())) {
        throw new IllegalArgumentException("Two refusal rules have the id " + rule.id());
      }
    }
  }

  /** The rules shipped with the relay. */
  static RefusalRules shipped() {
    return SHIPPED;
  }

  List<Rule> rules() {
    return rules;
  }

  /** The first rule that fixes this refusal, or {@code null}. */
  Rule find(
      String upstreamKind,
      String upstreamHost,
      String upstreamModel,
      int status,
      byte[] refusal,
      ObjectNode sent) {
    String text = new String(refusal, StandardCharsets.UTF_8);
    for (Rule rule : rules) {
      if (rule.matches(upstreamKind, upstreamHost, upstreamModel, status, text, sent)) {
        return rule;
      }
    }
    return null;
  }

  static RefusalRules load(String resource) {
    try (InputStream in = RefusalRules.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing refusal rules: " + resource);
      }
      JsonNode table = new ObjectMapper().readTree(in);
      List<Rule> rules = new ArrayList<>();
      for (JsonNode rule : table.path("rules")) {
        List<String> remove = new ArrayList<>();
        rule.path("remove").forEach(path -> remove.add(path.asText()));
        rules.add(
            new Rule(
                rule.path("id").asText(),
                rule.path("kind").asText(),
                pattern(rule.get("host")),
                pattern(rule.get("model")),
                rule.path("status").asInt(),
                Pattern.compile(rule.path("body").asText(), Pattern.CASE_INSENSITIVE),
                remove,
                rule.path("sentence").asText()));
      }
      return new RefusalRules(rules);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Pattern pattern(JsonNode value) {
    return value == null || value.isNull()
        ? null
        : Pattern.compile(value.asText(), Pattern.CASE_INSENSITIVE);
  }
}
