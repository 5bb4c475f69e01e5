package dev.clauderelay.admin.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clauderelay.admin.api.AccountList;
import dev.clauderelay.admin.api.AccountSignInStarted;
import dev.clauderelay.admin.api.ClaudeAccountView;
import dev.clauderelay.admin.api.IssuedClientKey;
import dev.clauderelay.admin.api.KeyPoolStatus;
import dev.clauderelay.admin.api.ModelCatalog;
import dev.clauderelay.admin.api.PluginCatalog;
import dev.clauderelay.admin.api.ProviderView;
import dev.clauderelay.admin.api.RouteList;
import dev.clauderelay.admin.api.RouteView;
import dev.clauderelay.admin.api.UsageReport;
import dev.clauderelay.admin.web.ProviderList;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The admin API answers the console's pages read, in the shapes the gateway writes them. */
class AdminApiPagesJsonTest {

  @Test
  void aProviderCarriesItsSessionAffinityAndClaudeAccountsSettings() {
    ProviderView provider = AdminApiJson.read(Fixtures.read("provider.json"), ProviderView.class);

    assertThat(provider.name()).isEqualTo("traffic");
    assertThat(provider.transformer()).isEqualTo("openai");
    assertThat(provider.strategy()).isEqualTo("round-robin");
    assertThat(provider.sessionAffinity()).isFalse();
    assertThat(provider.claudeAccounts()).isFalse();
    assertThat(provider.state().keys()).isEqualTo(3);
    assertThat(provider.state().usableKeys()).isEqualTo(3);
    assertThat(
            AdminApiJson.read(
                    "{\"id\":2,\"name\":\"claude\",\"kind\":\"anthropic\","
                        + "\"sessionAffinity\":true,\"claudeAccounts\":true}",
                    ProviderView.class)
                .claudeAccounts())
        .isTrue();
  }

  @Test
  void thePluginsOfferTheirTransformersAndStrategies() {
    PluginCatalog catalog = AdminApiJson.read(Fixtures.read("plugins.json"), PluginCatalog.class);

    assertThat(ProviderList.extensionIds(catalog, PluginCatalog.TRANSFORMER))
        .containsExactly("gemini", "openai");
    assertThat(ProviderList.extensionIds(catalog, PluginCatalog.STRATEGY))
        .containsExactly("gemini-quota", "least-used", "random", "round-robin");
  }

  @Test
  void anAccountCarriesItsLiveCountersSinceTheRelayStarted() {
    ClaudeAccountView account =
        AdminApiJson.read(Fixtures.read("accounts.json"), AccountList.class).accounts().get(0);

    assertThat(account.name()).isEqualTo("team-1");
    assertThat(account.status()).isEqualTo("active");
    assertThat(account.credential()).isEqualTo("sk-ant-...0001");
    assertThat(account.sinceStart().requests()).isZero();
    assertThat(account.sinceStart().successRate()).isNull();
    assertThat(account.sinceStart().refreshing()).isFalse();
    assertThat(
            AdminApiJson.read(
                    "{\"id\":3,\"name\":\"new\",\"authType\":\"oauth\",\"status\":\"pending\"}",
                    ClaudeAccountView.class)
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

    RouteView route = AdminApiJson.read(body, RouteList.class).routes().get(0);

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

    ModelCatalog catalog = AdminApiJson.read(body, ModelCatalog.class);

    assertThat(catalog.selected().provider()).isEqualTo("ds");
    assertThat(catalog.providers().get(0).models()).containsExactly("v3");
    assertThat(
            AdminApiJson.read("{\"providers\":[],\"selected\":null}", ModelCatalog.class)
                .selected())
        .isNull();
  }

  @Test
  void createdClientKeyGivesItsClearKeyOnce() {
    String body =
        "{\"id\":3,\"name\":\"laptop\",\"key\":\"rk-clear-key-123\",\"enabled\":true,"
            + "\"models\":[\"*\"],\"rpmLimit\":0,\"expiresAt\":null,\"keyShownOnce\":true}";

    IssuedClientKey issued = AdminApiJson.read(body, IssuedClientKey.class);
    assertThat(issued.clientKey().key()).isEqualTo("rk-clear-key-123");
    assertThat(issued.clientKey().expiresAt()).isNull();
  }

  @Test
  void accountsAndTheAuthorizeUrlAreRead() {
    ClaudeAccountView account =
        AdminApiJson.read(
            "{\"id\":2,\"name\":\"sub\",\"authType\":\"oauth\",\"status\":\"active\","
                + "\"credential\":\"sk-ant-oat...wxyz\",\"expiresAt\":\"2026-11-26T17:00:00Z\","
                + "\"lastRefreshAt\":null,\"signInInProgress\":false}",
            ClaudeAccountView.class);

    assertThat(account.authType()).isEqualTo("oauth");
    assertThat(account.expiresAt()).isEqualTo(Instant.parse("2026-11-26T17:00:00Z"));
    assertThat(
            AdminApiJson.read(
                    "{\"id\":2,\"authorizeUrl\":\"https://c/a?x=1\"}", AccountSignInStarted.class)
                .authorizeUrl())
        .isEqualTo("https://c/a?x=1");
    assertThatThrownBy(() -> AdminApiJson.read("{\"id\":2}", AccountSignInStarted.class))
        .isInstanceOf(AdminApiJson.MalformedAnswerException.class);
  }

  @Test
  void usageSeriesSumsRequestsErrorsAndTokens() {
    String body =
        "{\"hours\":2,\"series\":[{\"start\":\"2026-11-26T15:00:00Z\",\"requests\":3,"
            + "\"successes\":2,\"errors\":1,\"inputTokens\":10,\"outputTokens\":5},"
            + "{\"start\":\"2026-11-26T16:00:00Z\",\"requests\":1,\"successes\":1,\"errors\":0,"
            + "\"inputTokens\":1,\"outputTokens\":1}]}";

    UsageSeries series = UsageSeries.of(AdminApiJson.read(body, UsageReport.class));

    assertThat(series.hours()).hasSize(2);
    assertThat(series.totalRequests()).isEqualTo(4);
    assertThat(series.totalErrors()).isEqualTo(1);
    assertThat(series.totalTokens()).isEqualTo(17);
  }

  @Test
  void aTimestampThatIsNoInstantIsAMalformedAnswer() {
    assertThatThrownBy(
            () ->
                AdminApiJson.read(
                    "{\"counts\":{\"total\":1},\"keys\":{\"total\":1,\"items\":[{\"id\":1,"
                        + "\"key\":\"k\",\"status\":\"active\",\"lastUsedAt\":\"yesterday\"}]}}",
                    KeyPoolStatus.class))
        .isInstanceOf(AdminApiJson.MalformedAnswerException.class)
        .hasMessageContaining("lastUsedAt");
  }
}
