/**
 * Keeps the in-memory view of this relay in step with the other relays of a cluster: what the
 * pools, accounts and client keys see is published as events, and the others' events applied here.
 */
package dev.clauderelay.gateway.application.cluster;
