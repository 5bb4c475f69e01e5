package dev.clauderelay.admin.web;

import dev.clauderelay.admin.api.PluginCatalog;
import dev.clauderelay.admin.api.RelayHealth;
import dev.clauderelay.admin.relay.RelayAdminClient;
import dev.clauderelay.admin.relay.RelayRefusedException;
import dev.clauderelay.admin.relay.RelayUnreachableException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The overview tab: the relay's health and the plugins it loaded. Each part shows its own problem
 * when it cannot be read; a token the gateway no longer accepts sends the person to sign in again.
 */
@Named
@ViewScoped
public class RelayOverview implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private RelayAdminClient relay;
  @Inject private ConsoleSession session;

  private RelayHealth health;
  private PluginCatalog catalog;
  private Problem healthProblem;
  private Problem pluginsProblem;

  /** Something a part of the page could not show: a summary and what the relay or network said. */
  public record Problem(String summary, String detail) implements Serializable {

    private static final long serialVersionUID = 1L;
  }

  /** Reads everything anew: on opening the page and on "Refresh". */
  public void load() {
    FacesContext context = FacesContext.getCurrentInstance();
    health = null;
    catalog = null;
    healthProblem = null;
    pluginsProblem = null;
    try {
      health = relay.health();
    } catch (RelayUnreachableException e) {
      healthProblem = unreachable(context, e);
      if (!e.answered()) {
        return; // the plugins call would wait for the same silent gateway: say it once
      }
    } catch (RelayRefusedException e) {
      healthProblem =
          new Problem(ConsoleMessages.text(context, "health.unavailable"), e.getMessage());
    }
    try {
      catalog = relay.plugins(session.token(), ConsoleMessages.browserAddress(context));
    } catch (RelayRefusedException e) {
      if (e.isUnauthorized()) {
        signInAgain(context);
        return;
      }
      pluginsProblem =
          new Problem(ConsoleMessages.text(context, "plugins.unavailable"), e.getMessage());
    } catch (RelayUnreachableException e) {
      pluginsProblem = unreachable(context, e);
    }
  }

  private static Problem unreachable(FacesContext context, RelayUnreachableException e) {
    return new Problem(ConsoleMessages.unreachable(context, e), e.reason());
  }

  private void signInAgain(FacesContext context) {
    session.end();
    context
        .getApplication()
        .getNavigationHandler()
        .handleNavigation(context, null, "login?faces-redirect=true&expired=true");
  }

  public RelayHealth getHealth() {
    return health;
  }

  public Problem getHealthProblem() {
    return healthProblem;
  }

  public PluginCatalog getCatalog() {
    return catalog;
  }

  public List<PluginCatalog.Plugin> getPlugins() {
    return catalog == null ? List.of() : catalog.plugins();
  }

  public Problem getPluginsProblem() {
    return pluginsProblem;
  }

  public String getStatusSeverity() {
    return HealthSeverity.ofRelay(health == null ? null : health.status());
  }

  public String getDatabaseSeverity() {
    return HealthSeverity.ofDatabase(health == null ? null : health.database().status());
  }

  public String getUptime() {
    if (health == null) {
      return "";
    }
    Uptime uptime = Uptime.of(health.uptimeSeconds());
    return ConsoleMessages.text(
        FacesContext.getCurrentInstance(), uptime.key(), uptime.arguments().toArray());
  }

  /** The cluster's state in the page's language. */
  public String getClusterStateLabel() {
    if (health == null || health.cluster() == null) {
      return "";
    }
    String state = health.cluster().state();
    return ConsoleMessages.textOr(
        FacesContext.getCurrentInstance(), "health.cluster.state." + state, state);
  }

  /** The health word in the page's language; a word this console does not know, as it is. */
  public String getStatusLabel() {
    return health == null
        ? ""
        : ConsoleMessages.textOr(
            FacesContext.getCurrentInstance(), "health.status." + health.status(), health.status());
  }
}
