package dev.clauderelay.admin.web;

import dev.clauderelay.admin.api.ProviderView;
import dev.clauderelay.admin.api.SessionUsageReport;
import dev.clauderelay.admin.relay.RelayAdminClient;
import dev.clauderelay.admin.relay.UsageSeries;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The usage tab: requests, errors and tokens hour by hour, for all providers or one, over the last
 * day, three days or week; and the Claude Code sessions of that window, each with its sub-agents.
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
    SessionUsageReport report =
        calls
            .attempt(
                "usage.sessionsLoadFailed", who -> relay.sessionUsage(who, hours, SESSIONS_SHOWN))
            .orElse(null);
    sessions = report == null ? List.of() : report.sessions();
    sessionsTruncated = report != null && report.truncated();
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
