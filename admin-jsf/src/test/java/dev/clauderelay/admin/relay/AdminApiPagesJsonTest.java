package dev.clauderelay.admin.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The admin API answers the console's pages read, in the shapes the gateway writes them. */
class AdminApiPagesJsonTest {

  @Test
  void providerKeysListIsReadWithLiveCountersAndMaskedKey() {
    String body =
        "{\"keys\":[{\"id\":7,\"providerId\":1,\"key\":\"sk-abcd...wxyz\",\"label\":null,"
            + "\"weight\":2,\"status\":\"cooling_down\",\"statusUntil\":\"2026-11-26T16:00:00Z\","
            + "\"statusReason\":\"429\",\"inFlight\":0,\"requests\":10,\"successes\":8,"
            + "\"failures\":2,\"rateLimited\":1,\"lastUsedAt\":null,\"lastError\":\"429 Too Many\","
            + "\"createdAt\":\"2026-11-26T15:00:00Z\"}]}";

    PoolKey key = AdminApiJson.providerKeys(body).get(0);

    assertThat(key.id()).isEqualTo(7);
    assertThat(key.maskedKey()).isEqualTo("sk-abcd...wxyz");
    assertThat(key.status()).isEqualTo("cooling_down");
    assertThat(key.statusUntil()).isEqualTo(Instant.parse("2026-11-26T16:00:00Z"));
    assertThat(key.lastUsedAt()).isNull();
    assertThat(key.successRate()).isEqualTo(0.8);
    assertThat(key.weight()).isEqualTo(2);
  }

  @Test
  void keyWithoutTrafficHasNoSuccessRate() {
    PoolKey key =
        AdminApiJson.providerKeys("{\"keys\":[{\"id\":1,\"key\":\"k\",\"status\":\"active\"}]}")
            .get(0);

    assertThat(key.successRate()).isNull();
  }

  @Test
  void keyPageTakesCountsAndMatchingUnderEitherName() {
    KeyPage counts =
        AdminApiJson.keyPage(
            "{\"counts\":{\"active\":3,\"disabled\":2},\"matching\":2,"
                + "\"keys\":[{\"id\":1,\"maskedKey\":\"sk-1...aaaa\",\"status\":\"disabled\"}]}");
    KeyPage byState =
        AdminApiJson.keyPage(
            "{\"byState\":{\"active\":3},\"total\":3,\"keys\":[{\"id\":1,\"key\":\"k\"}]}");

    assertThat(counts.total()).isEqualTo(5);
    assertThat(counts.matching()).isEqualTo(2);
    assertThat(counts.keys().get(0).maskedKey()).isEqualTo("sk-1...aaaa");
    assertThat(byState.countsByState()).containsEntry("active", 3);
    assertThat(byState.matching()).isEqualTo(3);
  }

  @Test
  void keyPageWithoutACountCountsItsKeys() {
    KeyPage page = AdminApiJson.keyPage("{\"keys\":[{\"id\":1},{\"id\":2}]}");

    assertThat(page.matching()).isEqualTo(2);
  }

  @Test
  void importResultsNumberTheLinesOfTheChunk() {
    String body =
        "{\"results\":[{\"key\":\"sk-a...aaaa\",\"status\":\"added\"},"
            + "{\"key\":\"bad key\",\"status\":\"invalid\",\"message\":\"key: must be printable\"},"
            + "{\"maskedKey\":\"sk-b...bbbb\",\"added\":false,\"error\":\"duplicate\"}]}";

    var results = AdminApiJson.importResults(body, 201);

    assertThat(results).extracting(ImportResult::line).containsExactly(201, 202, 203);
    assertThat(results).extracting(ImportResult::added).containsExactly(true, false, false);
    assertThat(results.get(1).message()).isEqualTo("key: must be printable");
    assertThat(results.get(2).message()).isEqualTo("duplicate");
    assertThat(results.get(2).maskedKey()).isEqualTo("sk-b...bbbb");
  }

  @Test
  void importResultsUseTheLineTheRelayGives() {
    var results =
        AdminApiJson.importResults("{\"results\":[{\"line\":3,\"status\":\"created\"}]}", 11);

    assertThat(results.get(0).line()).isEqualTo(13);
    assertThat(results.get(0).added()).isTrue();
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
  void reportFlattensNestedFieldsAndCountsLongLists() {
    var lines =
        AdminApiJson.report(
            "{\"ok\":false,\"status\":401,\"upstream\":{\"message\":\"invalid x-api-key\"},"
                + "\"recovered\":[1,2],\"checked\":[{},{},{},{},{},{}]}");

    assertThat(lines)
        .containsExactly(
            "ok: false",
            "status: 401",
            "upstream.message: invalid x-api-key",
            "recovered: [1, 2]",
            "checked: 6");
  }

  @Test
  void aTimestampThatIsNoInstantIsAMalformedAnswer() {
    assertThatThrownBy(
            () -> AdminApiJson.providerKeys("{\"keys\":[{\"id\":1,\"lastUsedAt\":\"yesterday\"}]}"))
        .isInstanceOf(AdminApiJson.MalformedAnswerException.class)
        .hasMessageContaining("lastUsedAt");
  }
}
