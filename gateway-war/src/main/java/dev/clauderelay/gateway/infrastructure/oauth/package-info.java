/** Claude's OAuth authorization code flow with PKCE: authorize URLs, code exchange, refresh. */
package dev.clauderelay.gateway.infrastructure.oauth;
