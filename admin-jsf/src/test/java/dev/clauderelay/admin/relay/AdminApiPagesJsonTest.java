package dev.clauderelay.admin.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The admin API answers the console's pages read, in the shapes the gateway writes them. */
class AdminApiPagesJsonTest {

  @Test
  void aProviderCarriesItsSessionAffinityAndClaudeAccountsSettings() {
    Provider provider = AdminApiJson.provider(Fixtures.read("provider.json"));

    assertThat(provider.name()).isEqualTo("traffic");
    assertThat(provider.transformer()).isEqualTo("openai");
    assertThat(provider.strategy()).isEqualTo("round-robin");
    assertThat(provider.sessionAffinity()).isFalse();
    assertThat(provider.claudeAccounts()).isFalse();
    assertThat(provider.keys()).isEqualTo(3);
    assertThat(provider.usableKeys()).isEqualTo(3);
    assertThat(
            AdminApiJson.provider(
                    "{\"id\":2,\"name\":\"claude\",\"kind\":\"anthropic\","
                        + "\"sessionAffinity\":true,\"claudeAccounts\":true}")
                .claudeAccounts())
        .isTrue();
  }

  @Test
  void thePluginsOfferTheirTransformersAndStrategies() {
    PluginCatalog catalog = AdminApiJson.pluginCatalog(Fixtures.read("plugins.json"));

    assertThat(catalog.extensionIds(PluginCatalog.TRANSFORMER)).containsExactly("gemini", "openai");
    assertThat(catalog.extensionIds(PluginCatalog.STRATEGY))
        .containsExactly("gemini-quota", "least-used", "random", "round-robin");
  }

  @Test
  void anAccountCarriesItsLiveCountersSinceTheRelayStarted() {
    ClaudeAccount account = AdminApiJson.accounts(Fixtures.read("accounts.json")).get(0);

    assertThat(account.name()).isEqualTo("team-1");
    assertThat(account.status()).isEqualTo("active");
    assertThat(account.credential()).isEqualTo("sk-ant-...0001");
    assertThat(account.sinceStart().requests()).isZero();
    assertThat(account.sinceStart().successRate()).isNull();
    assertThat(account.sinceStart().refreshing()).isFalse();
    assertThat(
            AdminApiJson.account(
                    "{\"id\":3,\"name\":\"new\",\"authType\":\"oauth\",\"status\":\"pending\"}")
                .sinceStart())
        .as("not loaded by the relay yet")
        .isNull();
  }

  @Test
  void routesCarryFallbacksAndThreshold() {
    String body =
        "{\"routes\":[{\"id\":4,\"position\":0,\"scenario\":\"long_context\",\"match\":null,"
            + "\"provider\":\"gemini\",\"model\":\"gemini-2.5-pro\",\"fallbacks\":["
            + "{\"provider\":\"claude\",\"model\":null},{\"provider\":\"ds\",\"model\":\"v3\"}],"
            + "\"threshold\":60000,\"enabled\":true}]}";

    Route route = AdminApiJson.routes(body).get(0);

    assertThat(route.threshold()).isEqualTo(60_000L);
    assertThat(route.fallbacksText()).isEqualTo("claude, ds/v3");
    assertThat(route.match()).isNull();
  }

  @Test
  void modelsNameTheSelectedDefault() {
    String body =
        "{\"providers\":[{\"provider\":\"ds\",\"kind\":\"openai\",\"models\":[\"v3\"],"
            + "\"aliases\":{},\"enabled\":true}],\"selected\":{\"id\":1,\"scenario\":\"default\","
            + "\"provider\":\"ds\",\"model\":\"v3\",\"fallbacks\":[],\"enabled\":true},"
            + "\"advertised\":[]}";

    ModelCatalog catalog = AdminApiJson.models(body);

    assertThat(catalog.selected().provider()).isEqualTo("ds");
    assertThat(catalog.providers().get(0).models()).containsExactly("v3");
    assertThat(AdminApiJson.models("{\"providers\":[],\"selected\":null}").selected()).isNull();
  }

  @Test
  void createdClientKeyGivesItsClearKeyOnce() {
    String body =
        "{\"id\":3,\"name\":\"laptop\",\"key\":\"rk-clear-key-123\",\"enabled\":true,"
            + "\"models\":[\"*\"],\"rpmLimit\":0,\"expiresAt\":null,\"keyShownOnce\":true}";

    assertThat(AdminApiJson.issuedKey(body)).isEqualTo("rk-clear-key-123");
    assertThat(AdminApiJson.clientKey(body).expiresAt()).isNull();
  }

  @Test
  void accountsAndTheAuthorizeUrlAreRead() {
    ClaudeAccount account =
        AdminApiJson.account(
            "{\"id\":2,\"name\":\"sub\",\"authType\":\"oauth\",\"status\":\"active\","
                + "\"credential\":\"sk-ant-oat...wxyz\",\"expiresAt\":\"2026-11-26T17:00:00Z\","
                + "\"lastRefreshAt\":null,\"signInInProgress\":false}");

    assertThat(account.isOauth()).isTrue();
    assertThat(account.expiresAt()).isEqualTo(Instant.parse("2026-11-26T17:00:00Z"));
    assertThat(AdminApiJson.authorizeUrl("{\"id\":2,\"authorizeUrl\":\"https://c/a?x=1\"}"))
        .isEqualTo("https://c/a?x=1");
    assertThatThrownBy(() -> AdminApiJson.authorizeUrl("{\"id\":2}"))
        .isInstanceOf(AdminApiJson.MalformedAnswerException.class);
  }

  @Test
  void usageSeriesSumsRequestsErrorsAndTokens() {
    String body =
        "{\"hours\":2,\"series\":[{\"start\":\"2026-11-26T15:00:00Z\",\"requests\":3,"
            + "\"successes\":2,\"errors\":1,\"inputTokens\":10,\"outputTokens\":5},"
            + "{\"start\":\"2026-11-26T16:00:00Z\",\"requests\":1,\"successes\":1,\"errors\":0,"
            + "\"inputTokens\":1,\"outputTokens\":1}]}";

    UsageSeries series = AdminApiJson.usage(body);

    assertThat(series.hours()).hasSize(2);
    assertThat(series.totalRequests()).isEqualTo(4);
    assertThat(series.totalErrors()).isEqualTo(1);
    assertThat(series.totalTokens()).isEqualTo(17);
  }

  @Test
  void aTimestampThatIsNoInstantIsAMalformedAnswer() {
    assertThatThrownBy(
            () ->
                AdminApiJson.keyPage(
                    "{\"counts\":{\"total\":1},\"keys\":{\"total\":1,\"items\":[{\"id\":1,"
                        + "\"key\":\"k\",\"status\":\"active\",\"lastUsedAt\":\"yesterday\"}]}}"))
        .isInstanceOf(AdminApiJson.MalformedAnswerException.class)
        .hasMessageContaining("lastUsedAt");
  }
}
