/** Integration tests: the real gateway WAR on Payara Micro against a real MariaDB, over HTTP. */
package dev.clauderelay.gateway.it;
