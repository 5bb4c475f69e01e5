package dev.clauderelay.gateway.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Declares the relay's pooled MariaDB data source. The URL, credentials included, comes from {@code
 * DatabaseConfigSource}: the launcher points it at the embedded MariaDB, or {@code RELAY_DB_URL} at
 * an external server.
 */
@DataSourceDefinition(
    name = RelayDataSource.JNDI_NAME,
    className = "org.mariadb.jdbc.MariaDbDataSource",
    url = "${MPCONFIG=relay.datasource.url}",
    minPoolSize = 2,
    maxPoolSize = 32,
    loginTimeout = 5,
    properties = {
      // A restarted database must not leave the pool holding dead connections.
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.MySQLConnectionValidation",
      "fish.payara.fail-all-connections=true",
      "fish.payara.statement-timeout-in-seconds=30",
    })
@ApplicationScoped
public class RelayDataSource {

  public static final String JNDI_NAME = "java:app/jdbc/relay";
}
