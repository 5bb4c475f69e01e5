/** Relay-issued keys clients authenticate with; stored as hashes. */
package dev.clauderelay.gateway.domain.model.clientkey;
