package dev.clauderelay.admin.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clauderelay.admin.api.KeyBatchResult;
import dev.clauderelay.admin.api.KeyOperationReport;
import dev.clauderelay.admin.api.KeyPoolStats;
import dev.clauderelay.admin.api.KeyPoolStatus;
import dev.clauderelay.admin.api.KeyTestResult;
import dev.clauderelay.admin.api.MaintenanceReport;
import dev.clauderelay.admin.api.PoolKey;
import dev.clauderelay.admin.web.KeyPoolView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The key-pool API's answers, as a running relay wrote them, read into the console's records. */
class KeyPoolJsonTest {

  private static KeyPoolStatus page(String body) {
    return AdminApiJson.read(body, KeyPoolStatus.class);
  }

  private static List<KeyBatchResult.Item> importResults(String body) {
    return AdminApiJson.read(body, KeyBatchResult.class).results();
  }

  @Test
  void aPageHasTheWholePoolsCountsAndTheMatchingKeys() {
    KeyPoolStatus page = page(Fixtures.read("page.json"));

    assertThat(page.counts().byState())
        .containsOnlyKeys("active", "cooling_down", "exhausted", "invalid", "disabled")
        .containsEntry("active", 3);
    assertThat(page.counts().total()).isEqualTo(3);
    assertThat(page.counts().usable()).isEqualTo(3);
    assertThat(page.counts().limitedForAModel()).isZero();
    assertThat(page.keys().total()).isEqualTo(3);
    assertThat(page.keys().items()).extracting(PoolKey::id).containsExactly(1L, 2L, 3L);
  }

  @Test
  void aKeyCarriesItsMaskedKeyStateAndCounters() {
    PoolKey key = page(Fixtures.read("page.json")).keys().items().get(1);

    assertThat(key.key()).isEqualTo("sk-traf...cdef");
    assertThat(key.status()).isEqualTo("active");
    assertThat(key.statusReason()).isEqualTo("recovered after cooling down");
    assertThat(key.requests()).isEqualTo(8);
    assertThat(key.successes()).isEqualTo(6);
    assertThat(key.failures()).isEqualTo(2);
    assertThat(key.rateLimited()).isEqualTo(1);
    assertThat(key.successRate()).isEqualTo(0.75);
    assertThat(key.averageLatencyMs()).isEqualTo(12);
    assertThat(key.lastUsedAt()).isEqualTo(Instant.parse("2026-11-26T17:29:38.915Z"));
    assertThat(key.lastError()).contains("rate-limiting");
    assertThat(key.invalid().nextProbeAt()).isNull();
    assertThat(key.modelLimits()).isEmpty();
  }

  @Test
  void aFilteredPageCountsTheMatchesAndTheWholePoolApart() {
    KeyPoolStatus page = page(Fixtures.read("page-filtered.json"));

    assertThat(page.keys().total()).isEqualTo(3);
    assertThat(page.counts().total()).isEqualTo(7);
    assertThat(page.counts().byState()).containsEntry("invalid", 1).containsEntry("disabled", 2);
    PoolKey invalid = page.keys().items().get(0);
    assertThat(invalid.status()).isEqualTo("invalid");
    assertThat(invalid.label()).isEqualTo("refused by the mock");
    assertThat(invalid.invalid().nextProbeAt()).isNotNull();
    assertThat(invalid.statusReason()).contains("refused");
  }

  @Test
  void aKeyLimitedForOneModelSaysWhichAndUntilWhen() {
    String body =
        "{\"counts\":{\"active\":1,\"limited_for_a_model\":1,\"total\":1,\"usable\":1},"
            + "\"keys\":{\"total\":1,\"offset\":0,\"limit\":50,\"items\":[{\"id\":5,"
            + "\"key\":\"AIza-kp...0001\",\"status\":\"active\",\"modelLimits\":[{\"model\":"
            + "\"gemini-2.5-pro\",\"status\":\"exhausted\",\"until\":\"2026-11-27T08:00:00Z\","
            + "\"reason\":\"daily quota\"}]}]}}";

    KeyPoolStatus page = page(body);

    assertThat(page.counts().limitedForAModel()).isEqualTo(1);
    assertThat(page.counts().byState()).containsOnlyKeys("active");
    assertThat(page.keys().items().get(0).modelLimits())
        .containsExactly(
            new PoolKey.ModelLimit(
                "gemini-2.5-pro",
                "exhausted",
                Instant.parse("2026-11-27T08:00:00Z"),
                "daily quota"));
  }

  @Test
  void aPageInAnotherShapeIsAMalformedAnswer() {
    assertThatThrownBy(
            () -> page("{\"counts\":{\"active\":1},\"matching\":1,\"keys\":[{\"id\":1}]}"))
        .isInstanceOf(AdminApiJson.MalformedAnswerException.class)
        .hasMessageContaining("keys");
    assertThatThrownBy(() -> page("{\"counts\":{\"active\":1},\"keys\":{\"items\":[]}}"))
        .isInstanceOf(AdminApiJson.MalformedAnswerException.class)
        .hasMessageContaining("total");
  }

  @Test
  void importResultsNameTheLinesAndWhyAKeyWasNotAdded() {
    List<KeyBatchResult.Item> results = importResults(Fixtures.read("batch.json"));

    assertThat(results).extracting(KeyBatchResult.Item::line).containsExactly(1, 2, 3, 5, 6, 8);
    assertThat(results)
        .extracting(KeyBatchResult.Item::result)
        .containsExactly("added", "added", "invalid_format", "added", "duplicate", "added");
    assertThat(results)
        .extracting(KeyBatchResult.Item::added)
        .containsExactly(true, true, false, true, false, true);
    assertThat(results.get(2).message()).isEqualTo("key: must be printable ASCII without spaces");
    assertThat(results.get(4).message()).isEqualTo("repeats entry 1 of this batch");
    assertThat(results)
        .extracting(KeyBatchResult.Item::reason)
        .containsExactly(null, null, "key_characters", null, "repeats", null);
    assertThat(results.get(4).repeats()).isEqualTo(1);
    assertThat(KeyPoolView.reasonArguments(results.get(4))).containsExactly(1, 0);
    assertThat(results.get(0).key()).isEqualTo("sk-con...0001");
    assertThat(results.get(0).message()).isNull();
    assertThat(results.get(0).upstream()).isNull();
  }

  @Test
  void aChunkStartingOnItsOwnLineGetsResultsNumberedFromThere() {
    List<KeyBatchResult.Item> results = importResults(Fixtures.read("batch-second-chunk.json"));

    assertThat(results).extracting(KeyBatchResult.Item::line).containsExactly(9, 10, 11);
    assertThat(results.get(1).message()).isEqualTo("the pool holds this key already");
    assertThat(results.get(2).message()).isEqualTo("repeats entry 9 of this batch");
    assertThat(results)
        .extracting(KeyBatchResult.Item::reason)
        .containsExactly(null, "in_pool", "repeats");
    assertThat(results.get(2).repeats()).isEqualTo(9);
  }

  @Test
  void aTestedImportCarriesTheUpstreamsAnswers() {
    List<KeyBatchResult.Item> results = importResults(Fixtures.read("batch-tested.json"));

    assertThat(results.get(0).added()).isTrue();
    assertThat(results.get(0).upstream().passed()).isTrue();
    KeyBatchResult.Item refused = results.get(1);
    assertThat(refused.result()).isEqualTo("test_failed");
    assertThat(refused.message()).isEqualTo("the upstream answered HTTP 401");
    assertThat(refused.reason()).isEqualTo("upstream_refused");
    assertThat(KeyPoolView.reasonArguments(refused)).containsExactly(0, 401);
    assertThat(refused.upstream().status()).isEqualTo(401);
    assertThat(refused.upstream().errorClass()).isEqualTo("key_invalid");
    assertThat(refused.upstream().keyAccepted()).isFalse();
    assertThat(refused.upstream().message()).contains("Incorrect API key provided");
  }

  @Test
  void aBatchOperationCountsWhatItDidAndSaysWhatItMissed() {
    KeyOperationReport report =
        AdminApiJson.read(Fixtures.read("batch-operation.json"), KeyOperationReport.class);

    assertThat(report.operation()).isEqualTo("disable");
    assertThat(report.done()).isEqualTo(2);
    assertThat(report.notFound()).isEqualTo(1);
    assertThat(report.results())
        .extracting(KeyOperationReport.Item::keyId, KeyOperationReport.Item::done)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(4L, true),
            org.assertj.core.groups.Tuple.tuple(5L, true),
            org.assertj.core.groups.Tuple.tuple(424242L, false));
    assertThat(report.results().get(2).key()).isNull();
    assertThat(report.results().get(2).message()).contains("424242");
  }

  @Test
  void aRefusedKeysTestSaysWhyAndThatTheKeyIsNowInvalid() {
    KeyTestResult test = AdminApiJson.read(Fixtures.read("test-refused.json"), KeyTestResult.class);

    assertThat(test.keyId()).isEqualTo(10);
    assertThat(test.key()).isEqualTo("sk-re...0008");
    assertThat(test.statusBefore()).isEqualTo("active");
    assertThat(test.status()).isEqualTo("invalid");
    assertThat(test.upstream().passed()).isFalse();
    assertThat(test.upstream().status()).isEqualTo(401);
    assertThat(test.upstream().errorClass()).isEqualTo("key_invalid");
    assertThat(test.upstream().latencyMs()).isEqualTo(10);
  }

  @Test
  void aPassingTestHasNoErrorClass() {
    KeyTestResult test = AdminApiJson.read(Fixtures.read("test-passed.json"), KeyTestResult.class);

    assertThat(test.upstream().passed()).isTrue();
    assertThat(test.upstream().status()).isEqualTo(200);
    assertThat(test.upstream().errorClass()).isNull();
    assertThat(test.upstream().retryAt()).isNull();
    assertThat(test.status()).isEqualTo("active");
  }

  @Test
  void aProbeWithoutAnAnswerHasNoStatus() {
    KeyTestResult test =
        AdminApiJson.read(
            "{\"keyId\":1,\"key\":\"sk-a...aaaa\",\"upstream\":{\"status\":null,\"passed\":false,"
                + "\"keyAccepted\":false,\"errorClass\":\"upstream_error\",\"message\":"
                + "\"upstream no answer in time\",\"retryAt\":null,\"latencyMs\":15000},"
                + "\"statusBefore\":\"active\",\"status\":\"active\"}",
            KeyTestResult.class);

    assertThat(test.upstream().status()).isNull();
    assertThat(test.upstream().errorClass()).isEqualTo("upstream_error");
  }

  @Test
  void maintenanceListsTheProbedKeysWithTheirStatesBeforeAndAfter() {
    MaintenanceReport run =
        AdminApiJson.read(Fixtures.read("maintenance.json"), MaintenanceReport.class);

    assertThat(run.recovered()).isEmpty();
    assertThat(run.returned()).isZero();
    assertThat(run.invalidNotProbed()).isZero();
    MaintenanceReport.Change probed = run.probed().get(0);
    assertThat(probed.keyId()).isEqualTo(10);
    assertThat(probed.key()).isEqualTo("sk-re...0008");
    assertThat(probed.from()).isEqualTo("invalid");
    assertThat(probed.to()).isEqualTo("invalid");
    assertThat(probed.changed()).isFalse();
    assertThat(probed.note()).contains("Incorrect API key provided");
    assertThat(probed.upstream().status()).isEqualTo(401);
  }

  @Test
  void poolStatsHaveTotalsByFailureClassAndADayOfHours() {
    KeyPoolStats stats = AdminApiJson.read(Fixtures.read("stats.json"), KeyPoolStats.class);

    KeyPoolStats.Totals totals = stats.totals();
    assertThat(totals.keys()).isEqualTo(3);
    assertThat(totals.requests()).isEqualTo(13);
    assertThat(totals.successes()).isEqualTo(9);
    assertThat(totals.failures()).isEqualTo(4);
    assertThat(totals.rateLimited()).isEqualTo(3);
    assertThat(totals.averageLatencyMs()).isEqualTo(22);
    assertThat(totals.failuresByClass())
        .containsExactly(
            java.util.Map.entry("rate_limited", 3L),
            java.util.Map.entry("key_invalid", 0L),
            java.util.Map.entry("quota_exhausted", 0L),
            java.util.Map.entry("overloaded", 0L),
            java.util.Map.entry("upstream_error", 1L));
    UsageSeries series = UsageSeries.of(stats.series());
    assertThat(series.hours()).hasSize(24);
    UsageSeries.Hour last = series.hours().get(23);
    assertThat(last.start()).isEqualTo(Instant.parse("2026-11-26T17:00:00Z"));
    assertThat(last.requests()).isEqualTo(11);
    assertThat(last.errors()).isEqualTo(2);
    assertThat(last.rateLimited()).isEqualTo(1);
    assertThat(last.inputTokens()).isEqualTo(1080);
  }

  @Test
  void oneKeysStatsAreThatKeysAlone() {
    KeyPoolStats stats = AdminApiJson.read(Fixtures.read("stats-key.json"), KeyPoolStats.class);

    assertThat(stats.totals().keys()).isEqualTo(1);
    assertThat(stats.totals().requests()).isEqualTo(8);
    assertThat(UsageSeries.of(stats.series()).totalRequests()).isEqualTo(8);
  }
}
