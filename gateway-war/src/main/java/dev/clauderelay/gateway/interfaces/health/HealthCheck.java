package dev.clauderelay.gateway.interfaces.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clauderelay.admin.api.RelayHealth;
import dev.clauderelay.gateway.infrastructure.cluster.RelayCluster;
import dev.clauderelay.gateway.infrastructure.config.RelayConfig;
import dev.clauderelay.gateway.infrastructure.persistence.RelayDataSource;
import dev.clauderelay.gateway.infrastructure.plugins.LoadedPlugin;
import dev.clauderelay.gateway.infrastructure.plugins.PluginRegistry;
import dev.clauderelay.gateway.interfaces.intake.RequestBodies;
import dev.clauderelay.gateway.interfaces.lifecycle.GatewayControl;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The relay's health for load balancers and people: {@code ok} (200), {@code degraded} (200: up,
 * but no key selection strategy is loaded, so no provider can be used, or a cluster member serves
 * from its last view because the grid is out of reach), {@code down} (503: the database does not
 * answer) or {@code stopping} (503: the relay finishes the requests in flight and takes no new
 * ones).
 */
@ApplicationScoped
public class HealthCheck {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Resource(lookup = RelayDataSource.JNDI_NAME)
  private DataSource dataSource;

  @Inject private PluginRegistry plugins;
  @Inject private RelayConfig config;
  @Inject private RequestBodies bodies;
  @Inject private RelayCluster cluster;
  @Inject private GatewayControl control;

  public Response check() {
    RelayHealth report = report();
    String body;
    try {
      body = JSON.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    boolean up = report.database().error() == null && !control.isStopping();
    return Response.status(up ? 200 : 503)
        .type("application/json")
        .entity(body)
        .header("Cache-Control", "no-store")
        .build();
  }

  /** The relay's health now; the admin dashboard shows it too. */
  public RelayHealth report() {
    long started = System.nanoTime();
    String databaseError = null;
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(2)) {
        databaseError = "connection is not valid";
      }
    } catch (SQLException e) {
      databaseError = e.getMessage();
    }
    long latencyMs = (System.nanoTime() - started) / 1_000_000;

    RelayCluster.Status clusterStatus = cluster.status();
    String status;
    if (control.isStopping()) {
      status = "stopping";
    } else if (databaseError != null) {
      status = "down";
    } else if (plugins.strategies().isEmpty() || "degraded".equals(clusterStatus.state())) {
      status = "degraded";
    } else {
      status = "ok";
    }
    return new RelayHealth(
        status,
        RelayConfig.VERSION,
        ManagementFactory.getRuntimeMXBean().getUptime() / 1000,
        new RelayHealth.Database(
            databaseError == null ? "up" : "down",
            config.optional("RELAY_DB_EMBEDDED").map(Boolean::parseBoolean).orElse(false),
            latencyMs,
            databaseError),
        new RelayHealth.Plugins(
            (int) started().count(),
            started().map(LoadedPlugin::id).toList(),
            plugins.strategies().size()),
        new RelayHealth.RequestBodies(
            bodies.intake().reading(), bodies.intake().heldBytes(), bodies.intake().budgetBytes()),
        new RelayHealth.Cluster(
            clusterStatus.state(),
            clusterStatus.members(),
            clusterStatus.listed(),
            clusterStatus.leader(),
            clusterStatus.problem()));
  }

  /** The plugins that run; a failed or disabled jar is on the Plugins page, not in health. */
  private java.util.stream.Stream<LoadedPlugin> started() {
    return plugins.plugins().stream().filter(p -> LoadedPlugin.STARTED.equals(p.state()));
  }
}
