/**
 * Admin use cases that change the relay's configuration: providers and their keys, routes, client
 * keys. Each validates its input, writes in one transaction, audits, and asks for the topology to
 * be rebuilt once it commits.
 */
package dev.clauderelay.gateway.application.admin;
