/** Upstream providers and the API keys of their pools. */
package dev.clauderelay.gateway.domain.model.provider;
