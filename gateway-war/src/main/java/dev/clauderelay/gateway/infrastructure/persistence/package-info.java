/** The relay's MariaDB: the container data source and the Flyway migrations that own the schema. */
package dev.clauderelay.gateway.infrastructure.persistence;
