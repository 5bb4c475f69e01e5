/** Loads the PF4J plugin jars of the plugins folder and serves their extensions by id. */
package dev.clauderelay.gateway.infrastructure.plugins;
