/** {@code /health}: is the relay up, is its database reachable, which plugins are loaded. */
package dev.clauderelay.gateway.interfaces.health;
