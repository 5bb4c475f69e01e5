package dev.clauderelay.gateway.infrastructure.oauth;

import java.time.Instant;

/**
 * What the token endpoint granted.
 *
 * @param refreshToken {@code null} when the endpoint did not rotate it
 * @param expiresAt when the access token stops working
 */
public record OAuthTokens(
    String accessToken, String refreshToken, Instant expiresAt, String scopes) {}
