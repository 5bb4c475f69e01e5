package dev.clauderelay.admin.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.clauderelay.admin.api.AccountList;
import dev.clauderelay.admin.api.KeyBatchResult;
import dev.clauderelay.admin.api.KeyOperationReport;
import dev.clauderelay.admin.api.KeyPoolStats;
import dev.clauderelay.admin.api.KeyPoolStatus;
import dev.clauderelay.admin.api.KeyTestResult;
import dev.clauderelay.admin.api.MaintenanceReport;
import dev.clauderelay.admin.api.PluginCatalog;
import dev.clauderelay.admin.api.ProviderView;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each answer recorded from a running relay, read into the contract's record and written again as
 * the gateway writes it, gives back every recorded field, in the same order, with the same value
 * ({@code null} where it was null): the records hold the whole wire, not only what the console's
 * pages use. Written fields the recording lacks are left out of the comparison: fields added since
 * it was made ({@code totalTimeoutMs}), and a group a reader cannot tell from an empty one ({@code
 * nextProbeAt}, which only an invalid key has, reads back as null for the others).
 */
class RecordedWireTest {

  /** The gateway's way of writing the records: {@code AdminRequests.JSON}. */
  private static final ObjectMapper GATEWAY =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  @ParameterizedTest
  @CsvSource({
    "page.json, KeyPoolStatus",
    "page-filtered.json, KeyPoolStatus",
    "stats.json, KeyPoolStats",
    "stats-key.json, KeyPoolStats",
    "batch.json, KeyBatchResult",
    "batch-second-chunk.json, KeyBatchResult",
    "batch-tested.json, KeyBatchResult",
    "batch-operation.json, KeyOperationReport",
    "test-passed.json, KeyTestResult",
    "test-refused.json, KeyTestResult",
    "maintenance.json, MaintenanceReport",
    "provider.json, ProviderView",
    "accounts.json, AccountList",
    "plugins.json, PluginCatalog"
  })
  void aRecordedAnswerIsWrittenAgainAsItWasRecorded(String fixture, String record)
      throws Exception {
    String recorded = Fixtures.read(fixture);

    Object read = AdminApiJson.read(recorded, RECORDS.get(record));

    JsonNode expected = GATEWAY.readTree(recorded);
    assertThat(canonical(onlyAsIn(GATEWAY.valueToTree(read), expected)))
        .isEqualTo(canonical(expected));
  }

  private static final Map<String, Class<?>> RECORDS =
      Map.of(
          "KeyPoolStatus", KeyPoolStatus.class,
          "KeyPoolStats", KeyPoolStats.class,
          "KeyBatchResult", KeyBatchResult.class,
          "KeyOperationReport", KeyOperationReport.class,
          "KeyTestResult", KeyTestResult.class,
          "MaintenanceReport", MaintenanceReport.class,
          "ProviderView", ProviderView.class,
          "AccountList", AccountList.class,
          "PluginCatalog", PluginCatalog.class);

  /** {@code written} without the object fields {@code recorded} does not have. */
  private static JsonNode onlyAsIn(JsonNode written, JsonNode recorded) {
    if (written instanceof ObjectNode object && recorded.isObject()) {
      object.retain(iterable(recorded.fieldNames()));
      object.properties().forEach(e -> onlyAsIn(e.getValue(), recorded.get(e.getKey())));
    } else if (written.isArray() && recorded.isArray()) {
      for (int i = 0; i < Math.min(written.size(), recorded.size()); i++) {
        onlyAsIn(written.get(i), recorded.get(i));
      }
    }
    return written;
  }

  private static java.util.List<String> iterable(Iterator<String> names) {
    java.util.List<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  /**
   * The tree as text, field order kept, except in a pool's {@code counts}: one flat map of names
   * whose order a reader need not keep.
   */
  private static String canonical(JsonNode tree) {
    if (tree.get("counts") instanceof ObjectNode counts) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        sorted.put(entry.getKey(), entry.getValue());
      }
      counts.removeAll();
      sorted.forEach(counts::set);
    }
    return tree.toPrettyString();
  }
}
