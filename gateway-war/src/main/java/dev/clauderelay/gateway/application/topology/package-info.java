/**
 * The relay's configuration as the request path sees it: an immutable snapshot of providers, routes
 * and client keys, rebuilt from the database when an admin change commits.
 */
package dev.clauderelay.gateway.application.topology;
