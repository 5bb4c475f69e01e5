package dev.clauderelay.admin.web;

import dev.clauderelay.admin.api.CostReport;
import dev.clauderelay.admin.api.ProviderView;
import dev.clauderelay.admin.api.SessionUsageReport;
import dev.clauderelay.admin.relay.RelayAdminClient;
import dev.clauderelay.admin.relay.UsageSeries;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The usage tab: requests, errors and tokens hour by hour, for all providers or one, over the last
 * day, three days or week; what it cost by provider, model and client key; the request log of the
 * period as a CSV file; and the Claude Code sessions of that window, each with its sub-agents.
 */
@Named
@ViewScoped
public class UsageView implements Serializable {

  private static final long serialVersionUID = 1L;

  static final List<Integer> WINDOWS = List.of(24, 72, 168);

  @Inject private RelayAdminClient relay;
  @Inject private ConsoleCalls calls;

  private List<ProviderView> providers = List.of();
  private Long providerId;
  private int hours = 24;
  private UsageSeries series;
  private CostReport costByProvider;
  private CostReport costByModel;
  private CostReport costByClientKey;
  private List<SessionUsageReport.Session> sessions = List.of();
  private boolean sessionsTruncated;

  /** The most sessions the tab lists. */
  static final int SESSIONS_SHOWN = 50;

  public void load() {
    providers = calls.attempt("providers.loadFailed", relay::providers).orElse(List.of());
    reload();
  }

  public void reload() {
    series =
        calls
            .attempt("usage.loadFailed", who -> relay.usage(who, hours, providerId, null))
            .orElse(null);
    costByProvider = cost("provider");
    costByModel = cost("model");
    costByClientKey = cost("client-key");
    SessionUsageReport report =
        calls
            .attempt(
                "usage.sessionsLoadFailed", who -> relay.sessionUsage(who, hours, SESSIONS_SHOWN))
            .orElse(null);
    sessions = report == null ? List.of() : report.sessions();
    sessionsTruncated = report != null && report.truncated();
  }

  private CostReport cost(String by) {
    return calls.attempt("usage.costFailed", who -> relay.cost(who, hours, by)).orElse(null);
  }

  public String getCostByProviderChart() {
    return costByProvider == null ? "" : ChartJson.costBars(costByProvider);
  }

  public String getCostByModelChart() {
    return costByModel == null ? "" : ChartJson.costBars(costByModel);
  }

  public String getCostByClientKeyChart() {
    return costByClientKey == null ? "" : ChartJson.costBars(costByClientKey);
  }

  /** The period's cost, in the prices' currency; empty when it could not be read. */
  public String getTotalCost() {
    return costByProvider == null ? "" : costByProvider.total().toPlainString();
  }

  public long getUnpricedRequests() {
    return costByProvider == null ? 0 : costByProvider.unpricedRequests();
  }

  /**
   * Sends the request log of the shown period as a CSV file, streamed from the relay to the browser
   * (a non-Ajax request: the answer is the file).
   */
  public void downloadCsv() {
    FacesContext context = FacesContext.getCurrentInstance();
    ExternalContext external = context.getExternalContext();
    Instant to = Instant.now();
    Instant from = to.minus(Duration.ofHours(hours));
    boolean sent =
        calls.run(
            "usage.exportFailed",
            who -> {
              try (InputStream csv = relay.requestsCsv(who, from, to)) {
                external.responseReset();
                external.setResponseContentType("text/csv; charset=utf-8");
                external.setResponseHeader(
                    "Content-Disposition",
                    "attachment; filename=\"requests-last-" + hours + "h.csv\"");
                external.setResponseHeader("Cache-Control", "no-store");
                csv.transferTo(external.getResponseOutputStream());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    if (sent) {
      context.responseComplete();
    }
  }

  /** Claude Code sessions active in the window, most recent first, each with its agents. */
  public List<SessionUsageReport.Session> getSessions() {
    return sessions;
  }

  public boolean isSessionsTruncated() {
    return sessionsTruncated;
  }

  public String getRequestsChart() {
    return series == null ? "" : ChartJson.lines(series, requestLines(calls));
  }

  public String getTokensChart() {
    return series == null
        ? ""
        : ChartJson.stackedBars(
            series,
            List.of(
                new ChartJson.Line(
                    calls.text("usage.inputTokens"), "#42a5f5", UsageSeries.Hour::inputTokens),
                new ChartJson.Line(
                    calls.text("usage.outputTokens"), "#ab47bc", UsageSeries.Hour::outputTokens)));
  }

  /** Requests, successes and errors: the lines of every traffic chart of the console. */
  static List<ChartJson.Line> requestLines(ConsoleCalls calls) {
    return List.of(
        new ChartJson.Line(calls.text("usage.requests"), "#2196f3", UsageSeries.Hour::requests),
        new ChartJson.Line(calls.text("usage.successes"), "#4caf50", UsageSeries.Hour::successes),
        new ChartJson.Line(calls.text("usage.errors"), "#f44336", UsageSeries.Hour::errors),
        new ChartJson.Line(
            calls.text("usage.rateLimited"), "#ff9800", UsageSeries.Hour::rateLimited));
  }

  public List<ProviderView> getProviders() {
    return providers;
  }

  public Long getProviderId() {
    return providerId;
  }

  public void setProviderId(Long providerId) {
    this.providerId = providerId;
  }

  public int getHours() {
    return hours;
  }

  public void setHours(int hours) {
    this.hours = WINDOWS.contains(hours) ? hours : 24;
  }

  public List<Integer> getWindows() {
    return WINDOWS;
  }

  public UsageSeries getSeries() {
    return series;
  }
}
