/** A clock the integration tests move, deployed inside the relay's WAR for those tests only. */
package dev.clauderelay.gateway.testclock;
