package dev.clauderelay.admin.web;

import dev.clauderelay.admin.api.KeyBatchResult;
import dev.clauderelay.admin.api.KeyCounts;
import dev.clauderelay.admin.api.KeyOperationReport;
import dev.clauderelay.admin.api.KeyPoolStats;
import dev.clauderelay.admin.api.KeyPoolStatus;
import dev.clauderelay.admin.api.KeyTestResult;
import dev.clauderelay.admin.api.MaintenanceReport;
import dev.clauderelay.admin.api.PoolKey;
import dev.clauderelay.admin.api.ProviderView;
import dev.clauderelay.admin.relay.KeyQuery;
import dev.clauderelay.admin.relay.RelayAdminClient;
import dev.clauderelay.admin.relay.UsageSeries;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key pool of one provider, through the relay's key-pool API: a lazily paged table of its keys
 * (sorted and filtered by the relay), a batch import with progress and a result per line, batch
 * enable / disable / delete, testing a key, maintenance, and charts of the pool's traffic, one
 * key's traffic and the keys by state.
 */
@Named
@ViewScoped
public class KeyPoolView implements Serializable {

  private static final long serialVersionUID = 1L;

  static final List<String> STATES =
      List.of("active", "cooling_down", "exhausted", "invalid", "disabled");

  /** What the state filter offers: the states, and the active keys limited for some model. */
  static final String LIMITED_FOR_A_MODEL = KeyCounts.LIMITED_FOR_A_MODEL;

  /** The reasons a key was not imported that the console words itself; others show the relay's. */
  public static final List<String> WORDED_REASONS =
      List.of(
          "in_pool",
          "repeats",
          "key_empty",
          "key_length",
          "key_characters",
          "upstream_refused",
          "upstream_silent");

  static final Map<String, String> STATE_COLOURS =
      Map.of(
          "active", "#4caf50",
          "cooling_down", "#ff9800",
          "exhausted", "#ffc107",
          "invalid", "#f44336",
          "disabled", "#9e9e9e");

  @Inject private RelayAdminClient relay;
  @Inject private ImportJobs imports;
  @Inject private ConsoleCalls calls;

  private long providerId;
  private ProviderView provider;
  private KeyTableModel keys;
  private String loadProblem;
  private List<PoolKey> selected = new ArrayList<>();

  private String importText;
  private boolean importTest;
  private String importJobId;
  private List<KeyBatchResult.Item> importResults = List.of();
  private String importSummary;

  private String reportTitle;
  private KeyTestResult keyTest;
  private MaintenanceReport maintenance;

  private int hours = 24;
  private KeyPoolStats poolStats;
  private PoolKey chartKey;
  private KeyPoolStats keyStats;

  public void load() {
    if (providerId <= 0) {
      calls.warn("keyPool.noProvider");
      return;
    }
    provider =
        calls
            .attempt("keyPool.providerFailed", who -> relay.provider(who, providerId))
            .orElse(null);
    if (provider == null) {
      return;
    }
    keys = new KeyTableModel(this::readPage);
    refreshCounts();
    loadCharts();
  }

  /**
   * Reads one page for the table. The table reads while the page is being written, after the
   * messages: a failure is also kept for the table's own empty message.
   */
  private KeyPoolStatus readPage(KeyQuery query) {
    loadProblem = null;
    try {
      return relay.keyPoolPage(calls.credentials(), providerId, query);
    } catch (RuntimeException e) {
      calls.failed("keyPool.loadFailed", e);
      loadProblem = calls.text("keyPool.loadFailed") + ": " + e.getMessage();
      return null;
    }
  }

  /** Why the table shows no keys, when it is not for want of keys. */
  public String getLoadProblem() {
    return loadProblem;
  }

  /**
   * Reads the pool's counts now: the charts are written before the table reads its first page, and
   * after a change they must show the pool as it is.
   */
  void refreshCounts() {
    if (keys != null) {
      keys.count(Map.of());
    }
  }

  /** The pool's stats over the window, and the charted key's. */
  public void loadCharts() {
    poolStats =
        calls
            .attempt("keyPool.statsFailed", who -> relay.keyPoolStats(who, providerId, null, hours))
            .orElse(null);
    if (chartKey != null) {
      long keyId = chartKey.id();
      keyStats =
          calls
              .attempt(
                  "keyPool.statsFailed", who -> relay.keyPoolStats(who, providerId, keyId, hours))
              .orElse(null);
    }
  }

  // Batch import

  public void startImport() {
    String text = importText;
    importText = null; // the keys go to the relay; the page never shows them again
    importResults = List.of();
    importSummary = null;
    importJobId = imports.start(calls.credentials(), providerId, text, importTest);
    if (importJobId == null) {
      calls.warn("keyPool.importEmpty");
    }
  }

  public int getImportProgress() {
    ImportJob job = imports.get(importJobId);
    return job == null ? (importJobId == null ? 0 : 100) : job.percent();
  }

  public String getImportProgressLabel() {
    ImportJob job = imports.get(importJobId);
    return job == null ? "" : calls.text("keyPool.importProgress", job.done(), job.total());
  }

  public boolean isImporting() {
    ImportJob job = imports.get(importJobId);
    return job != null && !job.finished();
  }

  /** The progress bar reached 100: collect the results and tell what happened. */
  public void importFinished() {
    ImportJob job = imports.get(importJobId);
    if (job == null) {
      return;
    }
    importResults = job.problemsFirst();
    long added = job.added();
    long refused = importResults.size() - added;
    importSummary = calls.text("keyPool.importSummary", added, refused, job.total());
    if (job.stoppedBecause() != null) {
      if ("unauthorized".equals(job.stoppedBecause())) {
        importSummary = calls.text("signIn.expired");
      } else {
        importSummary =
            importSummary + " " + calls.text("keyPool.importStopped", job.stoppedBecause());
      }
    }
    imports.forget(importJobId);
    importJobId = null;
    refreshCounts();
  }

  public void closeImport() {
    refreshCounts();
    importResults = List.of();
    importSummary = null;
    importText = null;
    importTest = false;
  }

  /** Why a line was not added, in the page's language; the relay's words for a reason it names. */
  public String reasonText(KeyBatchResult.Item result) {
    if (reasonKey(result) == null) {
      return result.message();
    }
    return ConsoleMessages.textOr(
        FacesContext.getCurrentInstance(),
        reasonKey(result),
        result.message(),
        reasonArguments(result));
  }

  /** The console's message key for why a line was not added, or {@code null} without a reason. */
  public static String reasonKey(KeyBatchResult.Item result) {
    return result.reason() == null ? null : "keyPool.reason." + result.reason();
  }

  /** The arguments of the reason's wording: {0} the repeated line, {1} the upstream's status. */
  public static Object[] reasonArguments(KeyBatchResult.Item result) {
    return new Object[] {
      result.repeats() == null ? 0 : result.repeats(),
      result.upstream() == null || result.upstream().status() == null
          ? 0
          : result.upstream().status()
    };
  }

  /**
   * The words for an import outcome: {@code added}, {@code duplicate}, {@code invalid_format}...
   */
  public String outcomeLabel(String outcome) {
    return ConsoleMessages.textOr(
        FacesContext.getCurrentInstance(), "keyPool.outcome." + outcome, outcome);
  }

  // Batch operations on the selected keys

  /** Enables, disables or deletes the selected keys (the page asked for confirmation). */
  public void operate(String operation) {
    List<Long> ids = selected.stream().map(PoolKey::id).toList();
    if (ids.isEmpty()) {
      calls.warn("keyPool.selectFirst");
      return;
    }
    calls
        .attempt(
            "keyPool.operationFailed",
            who -> relay.keyPoolOperation(who, providerId, operation, ids))
        .ifPresent(
            report -> {
              calls.info(
                  "keyPool.operationDone",
                  calls.text("keyPool.operation." + operation),
                  report.done());
              for (KeyOperationReport.Item result : report.results()) {
                if (!result.done()) {
                  calls.warn("keyPool.operationMissed", result.keyId());
                }
              }
              selected = new ArrayList<>();
            });
    refreshCounts();
  }

  // Key test and maintenance: both may change keys' states, so the table and charts are redrawn

  public void test(PoolKey key) {
    calls
        .attempt("keyPool.testFailed", who -> relay.keyPoolTest(who, providerId, key.id()))
        .ifPresent(
            test -> {
              keyTest = test;
              maintenance = null;
              reportTitle = calls.text("keyPool.testReport", test.key());
            });
    refreshCounts();
  }

  public void maintenance() {
    calls
        .attempt("keyPool.maintenanceFailed", who -> relay.keyPoolMaintenance(who, providerId))
        .ifPresent(
            run -> {
              maintenance = run;
              keyTest = null;
              reportTitle = calls.text("keyPool.maintenanceReport");
            });
    refreshCounts();
  }

  /**
   * The key test's verdict: {@code passed}, {@code limited} (the upstream took the key but limited
   * it) or {@code refused}; null without a test.
   */
  public String getTestVerdict() {
    if (keyTest == null) {
      return null;
    }
    if (keyTest.upstream().passed()) {
      return "passed";
    }
    return keyTest.upstream().keyAccepted() ? "limited" : "refused";
  }

  /** The keys a maintenance run looked at: recovered ones first, then the probed ones. */
  public List<MaintenanceReport.Change> getMaintenanceChanges() {
    if (maintenance == null) {
      return List.of();
    }
    List<MaintenanceReport.Change> changes = new ArrayList<>(maintenance.recovered());
    changes.addAll(maintenance.probed());
    return changes;
  }

  public void chart(PoolKey key) {
    chartKey = key;
    loadCharts();
  }

  public void clearChartKey() {
    chartKey = null;
    keyStats = null;
  }

  // Charts

  public String getPoolChart() {
    return poolStats == null
        ? ""
        : ChartJson.lines(UsageSeries.of(poolStats.series()), UsageView.requestLines(calls));
  }

  public String getKeyChart() {
    return keyStats == null
        ? ""
        : ChartJson.lines(UsageSeries.of(keyStats.series()), UsageView.requestLines(calls));
  }

  /** The failure classes the pool has seen, with their counts, for the tags under its chart. */
  public List<Map.Entry<String, Long>> getFailureClasses() {
    if (poolStats == null) {
      return List.of();
    }
    return poolStats.totals().failuresByClass().entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .toList();
  }

  public String failureClassLabel(String errorClass) {
    return ConsoleMessages.textOr(
        FacesContext.getCurrentInstance(), "errorClass." + errorClass, errorClass);
  }

  public String getStatesChart() {
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, String> colours = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> state : statesInOrder().entrySet()) {
      String label = stateLabel(state.getKey());
      counts.put(label, state.getValue().longValue());
      colours.put(label, STATE_COLOURS.getOrDefault(state.getKey(), "#adb5bd"));
    }
    return ChartJson.doughnut(counts, colours);
  }

  /** The pool's keys by state, known states first in a fixed order, then any other. */
  public Map<String, Integer> statesInOrder() {
    Map<String, Integer> counts = getCounts().byState();
    Map<String, Integer> ordered = new LinkedHashMap<>();
    for (String state : STATES) {
      if (counts.containsKey(state)) {
        ordered.put(state, counts.get(state));
      }
    }
    counts.forEach(ordered::putIfAbsent);
    return ordered;
  }

  public List<Map.Entry<String, Integer>> getStateCounts() {
    return new ArrayList<>(statesInOrder().entrySet());
  }

  public KeyCounts getCounts() {
    return keys == null ? KeyCounts.NONE : keys.counts();
  }

  public String stateLabel(String state) {
    return ConsoleMessages.textOr(FacesContext.getCurrentInstance(), "keyStatus." + state, state);
  }

  /** The state filter's choices. */
  public List<String> getStates() {
    List<String> states = new ArrayList<>(STATES);
    states.add(LIMITED_FOR_A_MODEL);
    return states;
  }

  public long getProviderId() {
    return providerId;
  }

  public void setProviderId(long providerId) {
    this.providerId = providerId;
  }

  public ProviderView getProvider() {
    return provider;
  }

  public KeyTableModel getKeys() {
    return keys;
  }

  public List<PoolKey> getSelected() {
    return selected;
  }

  public void setSelected(List<PoolKey> selected) {
    this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
  }

  public String getImportText() {
    return importText;
  }

  public void setImportText(String importText) {
    this.importText = importText;
  }

  public boolean isImportTest() {
    return importTest;
  }

  public void setImportTest(boolean importTest) {
    this.importTest = importTest;
  }

  public String getImportJobId() {
    return importJobId;
  }

  public List<KeyBatchResult.Item> getImportResults() {
    return importResults;
  }

  public String getImportSummary() {
    return importSummary;
  }

  public String getReportTitle() {
    return reportTitle;
  }

  public KeyTestResult getKeyTest() {
    return keyTest;
  }

  public MaintenanceReport getMaintenance() {
    return maintenance;
  }

  public int getHours() {
    return hours;
  }

  public void setHours(int hours) {
    this.hours = UsageView.WINDOWS.contains(hours) ? hours : 24;
  }

  public List<Integer> getWindows() {
    return UsageView.WINDOWS;
  }

  public KeyPoolStats getPoolStats() {
    return poolStats;
  }

  public PoolKey getChartKey() {
    return chartKey;
  }

  public KeyPoolStats getKeyStats() {
    return keyStats;
  }
}
