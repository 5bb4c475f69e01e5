package dev.clauderelay.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.admin.api.KeyCounts;
import dev.clauderelay.admin.api.KeyPage;
import dev.clauderelay.admin.api.KeyPoolStatus;
import dev.clauderelay.admin.api.PoolKey;
import dev.clauderelay.admin.relay.KeyQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

class KeyTableModelTest {

  private static PoolKey key(long id) {
    return new PoolKey(
        id,
        1,
        "sk-" + id,
        null,
        1,
        null,
        null,
        "active",
        null,
        null,
        List.of(),
        null,
        0,
        null,
        0,
        0,
        0,
        0,
        0,
        null,
        null,
        null,
        null);
  }

  @Test
  void tableStateBecomesOneQueryForTheRelay() {
    Map<String, SortMeta> sort =
        Map.of(
            "requests", SortMeta.builder().field("requests").order(SortOrder.DESCENDING).build());
    Map<String, FilterMeta> filter =
        Map.of(
            "status", FilterMeta.builder().field("status").filterValue("disabled").build(),
            "key", FilterMeta.builder().field("key").filterValue("abc").build());

    KeyQuery query = KeyTableModel.query(50, 25, sort, filter);

    assertThat(query).isEqualTo(new KeyQuery(50, 25, "disabled", "abc", "requests", true));
  }

  @Test
  void columnsSortByTheRelaysFieldNames() {
    assertThat(sortParameter("key", SortOrder.ASCENDING)).isEqualTo("id");
    assertThat(sortParameter("lastUsedAt", SortOrder.DESCENDING)).isEqualTo("-lastUsed");
    assertThat(sortParameter("averageLatencyMs", SortOrder.ASCENDING)).isEqualTo("latency");
    assertThat(sortParameter("failures", SortOrder.DESCENDING)).isEqualTo("-failures");
  }

  @Test
  void aColumnTheRelayCannotSortByLeavesThePoolsOrder() {
    assertThat(sortParameter("successRate", SortOrder.ASCENDING)).isNull();
  }

  private static String sortParameter(String field, SortOrder order) {
    Map<String, SortMeta> sort =
        Map.of(field, SortMeta.builder().field(field).order(order).build());
    return KeyTableModel.query(0, 25, sort, Map.of()).sortParameter();
  }

  @Test
  void loadAsksForThePageAndKeepsCountsAndRowsForSelection() {
    List<KeyQuery> asked = new ArrayList<>();
    KeyTableModel model =
        new KeyTableModel(
            query -> {
              asked.add(query);
              return new KeyPoolStatus(
                  null,
                  List.of(),
                  new KeyCounts(
                      Map.of(
                          "active",
                          9_998,
                          "disabled",
                          2,
                          KeyCounts.LIMITED_FOR_A_MODEL,
                          0,
                          KeyCounts.TOTAL,
                          10_000,
                          KeyCounts.USABLE,
                          9_998)),
                  0,
                  new KeyPage<>(10_000, 40, 2, List.of(key(41), key(42))));
            });

    List<PoolKey> rows = model.load(40, 2, Map.of(), Map.of());

    assertThat(asked).containsExactly(new KeyQuery(40, 2, null, null, null, false));
    assertThat(rows).hasSize(2);
    assertThat(model.getRowCount()).isEqualTo(10_000);
    assertThat(model.counts().total()).isEqualTo(10_000);
    assertThat(model.getRowData("42")).isEqualTo(key(42));
    assertThat(model.getRowKey(key(41))).isEqualTo("41");
  }

  @Test
  void aPageThatCouldNotBeReadShowsNoRows() {
    KeyTableModel model = new KeyTableModel(query -> null);

    assertThat(model.count(Map.of())).isZero();
    assertThat(model.load(0, 25, Map.of(), Map.of())).isEmpty();
    assertThat(model.counts()).isEqualTo(KeyCounts.NONE);
  }
}
