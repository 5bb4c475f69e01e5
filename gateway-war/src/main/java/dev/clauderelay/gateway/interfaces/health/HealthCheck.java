package dev.clauderelay.gateway.interfaces.health;

import dev.clauderelay.gateway.infrastructure.config.RelayConfig;
import dev.clauderelay.gateway.infrastructure.persistence.RelayDataSource;
import dev.clauderelay.gateway.infrastructure.plugins.LoadedPlugin;
import dev.clauderelay.gateway.infrastructure.plugins.PluginRegistry;
import dev.clauderelay.gateway.interfaces.intake.RequestBodies;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The relay's health for load balancers and people: {@code ok} (200), {@code degraded} (200: up,
 * but no key selection strategy is loaded, so no provider can be used) or {@code down} (503: the
 * database does not answer).
 */
@ApplicationScoped
public class HealthCheck {

  @Resource(lookup = RelayDataSource.JNDI_NAME)
  private DataSource dataSource;

  @Inject private PluginRegistry plugins;
  @Inject private RelayConfig config;
  @Inject private RequestBodies bodies;

  public Response check() {
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

    JsonObjectBuilder database =
        Json.createObjectBuilder()
            .add("status", databaseError == null ? "up" : "down")
            .add(
                "embedded",
                config.optional("RELAY_DB_EMBEDDED").map(Boolean::parseBoolean).orElse(false))
            .add("latencyMs", latencyMs);
    if (databaseError != null) {
      database.add("error", databaseError);
    }
    JsonArrayBuilder pluginIds = Json.createArrayBuilder();
    plugins.plugins().stream().map(LoadedPlugin::id).forEach(pluginIds::add);

    String status;
    if (databaseError != null) {
      status = "down";
    } else if (plugins.strategies().isEmpty()) {
      status = "degraded";
    } else {
      status = "ok";
    }
    String body =
        Json.createObjectBuilder()
            .add("status", status)
            .add("version", RelayConfig.VERSION)
            .add("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000)
            .add("database", database)
            .add(
                "plugins",
                Json.createObjectBuilder()
                    .add("loaded", plugins.plugins().size())
                    .add("ids", pluginIds)
                    .add("strategies", plugins.strategies().size()))
            .add(
                "requestBodies",
                Json.createObjectBuilder()
                    .add("reading", bodies.intake().reading())
                    .add("heldBytes", bodies.intake().heldBytes())
                    .add("budgetBytes", bodies.intake().budgetBytes()))
            .build()
            .toString();
    return Response.status(databaseError == null ? 200 : 503)
        .type("application/json")
        .entity(body)
        .header("Cache-Control", "no-store")
        .build();
  }
}
