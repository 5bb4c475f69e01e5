package dev.clauderelay.admin.web;

import dev.clauderelay.admin.relay.ImportResult;
import dev.clauderelay.admin.relay.KeyPage;
import dev.clauderelay.admin.relay.KeyPoolAccess;
import dev.clauderelay.admin.relay.PoolKey;
import dev.clauderelay.admin.relay.Provider;
import dev.clauderelay.admin.relay.RelayAdminClient;
import dev.clauderelay.admin.relay.UsageSeries;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key pool of one provider: a lazily paged table of its keys (sorted and filtered by the
 * relay), a batch import with progress and a result per line, batch enable / disable / delete,
 * testing a key, maintenance, and charts of the pool's traffic, one key's traffic and the keys by
 * state.
 */
@Named
@ViewScoped
public class KeyPoolView implements Serializable {

  private static final long serialVersionUID = 1L;

  static final List<String> STATES =
      List.of("active", "cooling_down", "exhausted", "invalid", "disabled");
  static final Map<String, String> STATE_COLOURS =
      Map.of(
          "active", "#4caf50",
          "cooling_down", "#ff9800",
          "exhausted", "#ffc107",
          "invalid", "#f44336",
          "disabled", "#9e9e9e");

  @Inject private RelayAdminClient relay;
  @Inject private KeyPoolAccess pools;
  @Inject private ImportJobs imports;
  @Inject private ConsoleCalls calls;

  private long providerId;
  private Provider provider;
  private KeyTableModel keys;
  private String loadProblem;
  private List<PoolKey> selected = new ArrayList<>();

  private String importText;
  private String importJobId;
  private List<ImportResult> importResults = List.of();
  private String importSummary;

  private List<String> report = List.of();
  private String reportTitle;

  private int hours = 24;
  private UsageSeries poolSeries;
  private PoolKey chartKey;
  private UsageSeries keySeries;

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
  private KeyPage readPage(dev.clauderelay.admin.relay.KeyQuery query) {
    loadProblem = null;
    try {
      return pools.page(calls.credentials(), providerId, query);
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
   * Reads the pool's counts by state now: the charts are written before the table reads its first
   * page, and after a change they must show the pool as it is.
   */
  void refreshCounts() {
    if (keys != null) {
      keys.count(Map.of());
    }
  }

  public void loadCharts() {
    poolSeries =
        calls
            .attempt("usage.loadFailed", who -> relay.usage(who, hours, providerId, null))
            .orElse(null);
    if (chartKey != null) {
      long keyId = chartKey.id();
      keySeries =
          calls
              .attempt("usage.loadFailed", who -> relay.usage(who, hours, providerId, keyId))
              .orElse(null);
    }
  }

  // Batch import

  public void startImport() {
    List<String> lines = ImportJob.keyLines(importText);
    importText = null; // the keys go to the relay; the page never shows them again
    importResults = List.of();
    importSummary = null;
    if (lines.isEmpty()) {
      calls.warn("keyPool.importEmpty");
      return;
    }
    importJobId = imports.start(calls.credentials(), providerId, lines);
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
    importResults = job.results();
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
    pools.changed(providerId);
    refreshCounts();
  }

  public void closeImport() {
    refreshCounts();
    importResults = List.of();
    importSummary = null;
    importText = null;
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
        .attempt("keyPool.operationFailed", who -> pools.operate(who, providerId, operation, ids))
        .ifPresent(
            lines -> {
              calls.info(
                  "keyPool.operationDone",
                  calls.text("keyPool.operation." + operation),
                  ids.size());
              selected = new ArrayList<>();
            });
    refreshCounts();
  }

  public void test(PoolKey key) {
    calls
        .attempt("keyPool.testFailed", who -> pools.test(who, providerId, key.id()))
        .ifPresent(
            lines -> {
              report = lines;
              reportTitle = calls.text("keyPool.testReport", key.maskedKey());
            });
  }

  public void maintenance() {
    calls
        .attempt("keyPool.maintenanceFailed", who -> pools.maintenance(who, providerId))
        .ifPresent(
            lines -> {
              report = lines;
              reportTitle = calls.text("keyPool.maintenanceReport");
            });
  }

  public void chart(PoolKey key) {
    chartKey = key;
    loadCharts();
  }

  public void clearChartKey() {
    chartKey = null;
    keySeries = null;
  }

  // Charts

  public String getPoolChart() {
    return poolSeries == null ? "" : ChartJson.lines(poolSeries, UsageView.requestLines(calls));
  }

  public String getKeyChart() {
    return keySeries == null ? "" : ChartJson.lines(keySeries, UsageView.requestLines(calls));
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
    Map<String, Integer> counts = keys == null ? Map.of() : keys.countsByState();
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

  public String stateLabel(String state) {
    return ConsoleMessages.textOr(
        jakarta.faces.context.FacesContext.getCurrentInstance(), "keyStatus." + state, state);
  }

  public List<String> getStates() {
    return STATES;
  }

  public long getProviderId() {
    return providerId;
  }

  public void setProviderId(long providerId) {
    this.providerId = providerId;
  }

  public Provider getProvider() {
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

  public String getImportJobId() {
    return importJobId;
  }

  public List<ImportResult> getImportResults() {
    return importResults;
  }

  public String getImportSummary() {
    return importSummary;
  }

  public List<String> getReport() {
    return report;
  }

  public String getReportTitle() {
    return reportTitle;
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

  public PoolKey getChartKey() {
    return chartKey;
  }

  public boolean isPagedApi() {
    return pools.pagedApi();
  }
}
