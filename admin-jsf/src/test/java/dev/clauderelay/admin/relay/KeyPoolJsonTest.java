package dev.clauderelay.admin.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The key-pool API's answers, as a running relay wrote them, read into the console's records. */
class KeyPoolJsonTest {

  @Test
  void aPageHasTheWholePoolsCountsAndTheMatchingKeys() {
    KeyPage page = AdminApiJson.keyPage(Fixtures.read("page.json"));

    assertThat(page.counts().byState())
        .containsOnlyKeys("active", "cooling_down", "exhausted", "invalid", "disabled")
        .containsEntry("active", 3);
    assertThat(page.counts().total()).isEqualTo(3);
    assertThat(page.counts().usable()).isEqualTo(3);
    assertThat(page.counts().limitedForAModel()).isZero();
    assertThat(page.matching()).isEqualTo(3);
    assertThat(page.keys()).extracting(PoolKey::id).containsExactly(1L, 2L, 3L);
  }

  @Test
  void aKeyCarriesItsMaskedKeyStateAndCounters() {
    PoolKey key = AdminApiJson.keyPage(Fixtures.read("page.json")).keys().get(1);

    assertThat(key.maskedKey()).isEqualTo("sk-traf...cdef");
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
    assertThat(key.nextProbeAt()).isNull();
    assertThat(key.modelLimits()).isEmpty();
  }

  @Test
  void aFilteredPageCountsTheMatchesAndTheWholePoolApart() {
    KeyPage page = AdminApiJson.keyPage(Fixtures.read("page-filtered.json"));

    assertThat(page.matching()).isEqualTo(3);
    assertThat(page.counts().total()).isEqualTo(7);
    assertThat(page.counts().byState()).containsEntry("invalid", 1).containsEntry("disabled", 2);
    PoolKey invalid = page.keys().get(0);
    assertThat(invalid.status()).isEqualTo("invalid");
    assertThat(invalid.label()).isEqualTo("refused by the mock");
    assertThat(invalid.nextProbeAt()).isNotNull();
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

    KeyPage page = AdminApiJson.keyPage(body);

    assertThat(page.counts().limitedForAModel()).isEqualTo(1);
    assertThat(page.counts().byState()).containsOnlyKeys("active");
    assertThat(page.keys().get(0).modelLimits())
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
            () ->
                AdminApiJson.keyPage(
                    "{\"counts\":{\"active\":1},\"matching\":1,\"keys\":[{\"id\":1}]}"))
        .isInstanceOf(AdminApiJson.MalformedAnswerException.class)
        .hasMessageContaining("keys");
    assertThatThrownBy(
            () -> AdminApiJson.keyPage("{\"counts\":{\"active\":1},\"keys\":{\"items\":[]}}"))
        .isInstanceOf(AdminApiJson.MalformedAnswerException.class)
        .hasMessageContaining("total");
  }

  @Test
  void importResultsNameTheLinesAndWhyAKeyWasNotAdded() {
    List<ImportResult> results = AdminApiJson.importResults(Fixtures.read("batch.json"));

    assertThat(results).extracting(ImportResult::line).containsExactly(1, 2, 3, 5, 6, 8);
    assertThat(results)
        .extracting(ImportResult::outcome)
        .containsExactly("added", "added", "invalid_format", "added", "duplicate", "added");
    assertThat(results)
        .extracting(ImportResult::added)
        .containsExactly(true, true, false, true, false, true);
    assertThat(results.get(2).message()).isEqualTo("key: must be printable ASCII without spaces");
    assertThat(results.get(4).message()).isEqualTo("repeats entry 1 of this batch");
    assertThat(results)
        .extracting(ImportResult::reason)
        .containsExactly(null, null, "key_characters", null, "repeats", null);
    assertThat(results.get(4).repeats()).isEqualTo(1);
    assertThat(results.get(4).reasonArguments()).containsExactly(1, 0);
    assertThat(results.get(0).maskedKey()).isEqualTo("sk-con...0001");
    assertThat(results.get(0).message()).isNull();
    assertThat(results.get(0).upstream()).isNull();
  }

  @Test
  void aChunkStartingOnItsOwnLineGetsResultsNumberedFromThere() {
    List<ImportResult> results =
        AdminApiJson.importResults(Fixtures.read("batch-second-chunk.json"));

    assertThat(results).extracting(ImportResult::line).containsExactly(9, 10, 11);
    assertThat(results.get(1).message()).isEqualTo("the pool holds this key already");
    assertThat(results.get(2).message()).isEqualTo("repeats entry 9 of this batch");
    assertThat(results)
        .extracting(ImportResult::reason)
        .containsExactly(null, "in_pool", "repeats");
    assertThat(results.get(2).repeats()).isEqualTo(9);
  }

  @Test
  void aTestedImportCarriesTheUpstreamsAnswers() {
    List<ImportResult> results = AdminApiJson.importResults(Fixtures.read("batch-tested.json"));

    assertThat(results.get(0).added()).isTrue();
    assertThat(results.get(0).upstream().passed()).isTrue();
    ImportResult refused = results.get(1);
    assertThat(refused.outcome()).isEqualTo("test_failed");
    assertThat(refused.message()).isEqualTo("the upstream answered HTTP 401");
    assertThat(refused.reason()).isEqualTo("upstream_refused");
    assertThat(refused.reasonArguments()).containsExactly(0, 401);
    assertThat(refused.upstream().status()).isEqualTo(401);
    assertThat(refused.upstream().errorClass()).isEqualTo("key_invalid");
    assertThat(refused.upstream().keyAccepted()).isFalse();
    assertThat(refused.upstream().message()).contains("Incorrect API key provided");
  }

  @Test
  void aBatchOperationCountsWhatItDidAndSaysWhatItMissed() {
    OperationReport report = AdminApiJson.operationReport(Fixtures.read("batch-operation.json"));

    assertThat(report.operation()).isEqualTo("disable");
    assertThat(report.done()).isEqualTo(2);
    assertThat(report.notFound()).isEqualTo(1);
    assertThat(report.results())
        .extracting(OperationReport.Result::keyId, OperationReport.Result::done)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(4L, true),
            org.assertj.core.groups.Tuple.tuple(5L, true),
            org.assertj.core.groups.Tuple.tuple(424242L, false));
    assertThat(report.results().get(2).maskedKey()).isNull();
    assertThat(report.results().get(2).message()).contains("424242");
  }

  @Test
  void aRefusedKeysTestSaysWhyAndThatTheKeyIsNowInvalid() {
    KeyTest test = AdminApiJson.keyTest(Fixtures.read("test-refused.json"));

    assertThat(test.keyId()).isEqualTo(10);
    assertThat(test.maskedKey()).isEqualTo("sk-re...0008");
    assertThat(test.statusBefore()).isEqualTo("active");
    assertThat(test.status()).isEqualTo("invalid");
    assertThat(test.upstream().passed()).isFalse();
    assertThat(test.upstream().status()).isEqualTo(401);
    assertThat(test.upstream().errorClass()).isEqualTo("key_invalid");
    assertThat(test.upstream().latencyMs()).isEqualTo(10);
  }

  @Test
  void aPassingTestHasNoErrorClass() {
    KeyTest test = AdminApiJson.keyTest(Fixtures.read("test-passed.json"));

    assertThat(test.upstream().passed()).isTrue();
    assertThat(test.upstream().status()).isEqualTo(200);
    assertThat(test.upstream().errorClass()).isNull();
    assertThat(test.upstream().retryAt()).isNull();
    assertThat(test.status()).isEqualTo("active");
  }

  @Test
  void aProbeWithoutAnAnswerHasNoStatus() {
    KeyTest test =
        AdminApiJson.keyTest(
            "{\"keyId\":1,\"key\":\"sk-a...aaaa\",\"upstream\":{\"status\":null,\"passed\":false,"
                + "\"keyAccepted\":false,\"errorClass\":\"upstream_error\",\"message\":"
                + "\"upstream no answer in time\",\"retryAt\":null,\"latencyMs\":15000},"
                + "\"statusBefore\":\"active\",\"status\":\"active\"}");

    assertThat(test.upstream().status()).isNull();
    assertThat(test.upstream().errorClass()).isEqualTo("upstream_error");
  }

  @Test
  void maintenanceListsTheProbedKeysWithTheirStatesBeforeAndAfter() {
    Maintenance run = AdminApiJson.maintenance(Fixtures.read("maintenance.json"));

    assertThat(run.recovered()).isEmpty();
    assertThat(run.returned()).isZero();
    assertThat(run.invalidNotProbed()).isZero();
    Maintenance.Change probed = run.probed().get(0);
    assertThat(probed.keyId()).isEqualTo(10);
    assertThat(probed.maskedKey()).isEqualTo("sk-re...0008");
    assertThat(probed.from()).isEqualTo("invalid");
    assertThat(probed.to()).isEqualTo("invalid");
    assertThat(probed.changed()).isFalse();
    assertThat(probed.note()).contains("Incorrect API key provided");
    assertThat(probed.upstream().status()).isEqualTo(401);
  }

  @Test
  void poolStatsHaveTotalsByFailureClassAndADayOfHours() {
    PoolStats stats = AdminApiJson.poolStats(Fixtures.read("stats.json"));

    PoolStats.Totals totals = stats.totals();
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
    assertThat(stats.series().hours()).hasSize(24);
    UsageSeries.Hour last = stats.series().hours().get(23);
    assertThat(last.start()).isEqualTo(Instant.parse("2026-11-26T17:00:00Z"));
    assertThat(last.requests()).isEqualTo(11);
    assertThat(last.errors()).isEqualTo(2);
    assertThat(last.rateLimited()).isEqualTo(1);
    assertThat(last.inputTokens()).isEqualTo(1080);
  }

  @Test
  void oneKeysStatsAreThatKeysAlone() {
    PoolStats stats = AdminApiJson.poolStats(Fixtures.read("stats-key.json"));

    assertThat(stats.totals().keys()).isEqualTo(1);
    assertThat(stats.totals().requests()).isEqualTo(8);
    assertThat(stats.series().totalRequests()).isEqualTo(8);
  }
}
