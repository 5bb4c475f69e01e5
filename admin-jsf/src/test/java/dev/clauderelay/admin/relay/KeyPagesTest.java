package dev.clauderelay.admin.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPagesTest {

  private static PoolKey key(long id, String status, long requests, long successes, String error) {
    return new PoolKey(
        id,
        "sk-" + id + "...wxyz",
        "label " + id,
        1,
        status,
        null,
        null,
        requests,
        successes,
        requests - successes,
        0,
        requests == 0 ? null : Instant.ofEpochSecond(1_000 + id),
        error);
  }

  private static List<PoolKey> pool(int size) {
    List<PoolKey> pool = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      pool.add(key(i, i % 10 == 0 ? "disabled" : "active", i % 7, i % 7 / 2, null));
    }
    return pool;
  }

  @Test
  void pagesDoNotOverlapAndCoverThePool() {
    List<PoolKey> pool = pool(95);
    List<Long> seen = new ArrayList<>();
    for (int offset = 0; offset < 95; offset += 25) {
      KeyPage page = KeyPages.of(pool, new KeyQuery(offset, 25, null, null, "requests", true));
      page.keys().forEach(k -> seen.add(k.id()));
      assertThat(page.matching()).isEqualTo(95);
    }
    assertThat(seen).doesNotHaveDuplicates().hasSize(95);
  }

  @Test
  void countsAreOfTheWholePoolWhateverTheFilter() {
    KeyPage page = KeyPages.of(pool(100), new KeyQuery(0, 25, "disabled", null, null, false));

    assertThat(page.matching()).isEqualTo(10);
    assertThat(page.keys()).allMatch(k -> k.status().equals("disabled"));
    assertThat(page.countsByState()).containsEntry("active", 90).containsEntry("disabled", 10);
  }

  @Test
  void textFindsKeyLabelOrLastErrorIgnoringCase() {
    List<PoolKey> pool =
        List.of(
            key(1, "active", 0, 0, null),
            key(2, "invalid", 3, 0, "401 Invalid API key"),
            key(3, "active", 0, 0, null));

    assertThat(KeyPages.of(pool, new KeyQuery(0, 10, null, "invalid api", null, false)).keys())
        .extracting(PoolKey::id)
        .containsExactly(2L);
    assertThat(KeyPages.of(pool, new KeyQuery(0, 10, null, "LABEL 3", null, false)).keys())
        .extracting(PoolKey::id)
        .containsExactly(3L);
  }

  @Test
  void unusedKeysSortFirstByLastUseAndSuccessRate() {
    List<PoolKey> pool =
        List.of(
            key(1, "active", 4, 4, null),
            key(2, "active", 0, 0, null),
            key(3, "active", 4, 1, null));

    assertThat(KeyPages.of(pool, new KeyQuery(0, 10, null, null, "successRate", false)).keys())
        .extracting(PoolKey::id)
        .containsExactly(2L, 3L, 1L);
    assertThat(KeyPages.of(pool, new KeyQuery(0, 10, null, null, "lastUsedAt", true)).keys())
        .extracting(PoolKey::id)
        .containsExactly(3L, 1L, 2L);
  }

  @Test
  void anOffsetPastTheEndGivesAnEmptyPage() {
    KeyPage page = KeyPages.of(pool(10), new KeyQuery(50, 25, null, null, null, false));

    assertThat(page.keys()).isEmpty();
    assertThat(page.matching()).isEqualTo(10);
  }

  @Test
  void queryClampsItsLimitAndWritesTheSortParameter() {
    assertThat(new KeyQuery(0, 10_000, " ", "", "requests", true).limit()).isEqualTo(500);
    assertThat(new KeyQuery(0, 10, null, null, "requests", true).sortParameter())
        .isEqualTo("-requests");
    assertThat(new KeyQuery(0, 10, null, null, "key", false).sortParameter()).isEqualTo("key");
    assertThat(new KeyQuery(0, 10, "", null, null, false).status()).isNull();
  }
}
