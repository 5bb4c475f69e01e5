/**
 * The relays' cluster: Payara Micro's data grid (Hazelcast), reached through JNDI, carrying the
 * events that keep every member's in-memory view in step and the few maps the admin path shares.
 */
package dev.clauderelay.gateway.infrastructure.cluster;
