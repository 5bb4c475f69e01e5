/** Routing rules: which provider and upstream model serve a requested model. */
package dev.clauderelay.gateway.domain.model.route;
