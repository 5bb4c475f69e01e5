package dev.clauderelay.gateway.application.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigurationFileTest {

  /** The shape the relay-path issue requires, verbatim. */
  private static final String DOCUMENTED =
      """
      {
        "providers": [
          {"name": "claude", "kind": "anthropic", "baseUrl": "http://127.0.0.1:9100",
           "keys": ["sk-one", "sk-two"], "strategy": "round-robin", "models": ["claude-opus-5-5"]}
        ],
        "routes": [
          {"match": "*", "provider": "claude"},
          {"match": "*haiku*", "provider": "claude", "model": "claude-haiku-5-5", "fallbacks": []}
        ],
        "defaultRoute": {"provider": "claude"},
        "clientKeys": [{"name": "ci", "key": "rk-ci-0123456789abcdef", "models": ["*"]}]
      }
      """;

  @Test
  void readsTheDocumentedShape() {
    ConfigurationFile file = ConfigurationFile.parse(DOCUMENTED);

    assertThat(file.providers())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.provider().name()).isEqualTo("claude");
              assertThat(p.provider().kind()).isEqualTo("anthropic");
              assertThat(p.keys()).containsExactly("sk-one", "sk-two");
            });
    assertThat(file.routes()).hasSize(2);
    assertThat(file.routes().get(1).model()).isEqualTo("claude-haiku-5-5");
    assertThat(file.routes().get(0).model()).isNull();
    assertThat(file.defaultRoute().scenario()).isEqualTo("default");
    assertThat(file.defaultRoute().provider()).isEqualTo("claude");
    assertThat(file.clientKeys())
        .singleElement()
        .satisfies(k -> assertThat(k.models()).containsExactly("*"));
  }

  @Test
  void namesThePathAndTheProblemOfTheFirstMistake() {
    assertThatThrownBy(
            () ->
                ConfigurationFile.parse(
                    "{\"providers\":[{\"name\":\"a\",\"kind\":\"anthropic\"},{\"kind\":\"openai\"}]}"))
        .hasMessage("providers[1].name: required");
    assertThatThrownBy(
            () ->
                ConfigurationFile.parse(
                    "{\"providers\":[{\"name\":\"a\",\"kind\":\"anthropic\",\"keys\":\"sk\"}]}"))
        .hasMessage("providers[0].keys: must be an array of strings");
    assertThatThrownBy(
            () ->
                ConfigurationFile.parse(
                    "{\"routes\":[{\"match\":\"*\",\"provider\":\"a\",\"fallbacks\":[{\"model\":\"m\"}]}]}"))
        .hasMessage("routes[0].fallbacks[0].provider: required");
    assertThatThrownBy(
            () ->
                ConfigurationFile.parse(
                    "{\"clientKeys\":[{\"name\":\"k\",\"key\":\"rk-0123456789abcdef\",\"expiresAt\":\"soon\"}]}"))
        .hasMessageStartingWith("clientKeys[0].expiresAt: must be an ISO-8601 instant");
    assertThatThrownBy(() -> ConfigurationFile.parse("{\"provider\":[]}"))
        .hasMessageStartingWith("provider: unknown field");
    assertThatThrownBy(() -> ConfigurationFile.parse("{\"providers\": [}"))
        .hasMessageStartingWith("(document): not valid JSON at line 1");
  }

  @Test
  void readsEveryTimeoutOfAProviderTheTotalBoundIncluded() {
    ConfigurationFile file =
        ConfigurationFile.parse(
            """
            {"providers": [{"name": "slow", "kind": "anthropic", "connectTimeoutMs": 1000,
              "firstByteTimeoutMs": 2000, "streamIdleTimeoutMs": 3000, "totalTimeoutMs": 4000}]}
            """);

    ProviderInput slow = file.providers().get(0).provider();
    assertThat(slow.connectTimeoutMs()).isEqualTo(1000);
    assertThat(slow.firstByteTimeoutMs()).isEqualTo(2000);
    assertThat(slow.streamIdleTimeoutMs()).isEqualTo(3000);
    assertThat(slow.totalTimeoutMs()).isEqualTo(4000);
  }
}
