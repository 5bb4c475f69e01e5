package dev.clauderelay.gateway.infrastructure.oauth;

import dev.clauderelay.gateway.infrastructure.config.RelayConfig;
import java.time.Duration;

/**
 * Where Claude's OAuth lives and who the relay is to it: the public values Claude Code itself uses,
 * each replaceable with a {@code RELAY_CLAUDE_OAUTH_*} setting (tests point them at a mock).
 */
public record OAuthSettings(
    String authorizeUrl,
    String tokenUrl,
    String clientId,
    String redirectUri,
    String scopes,
    Duration refreshInterval,
    Duration refreshAhead) {

  public static OAuthSettings from(RelayConfig config) {
    return new OAuthSettings(
        config
            .optional("RELAY_CLAUDE_OAUTH_AUTHORIZE_URL")
            .orElse("https://claude.ai/oauth/authorize"),
        config
            .optional("RELAY_CLAUDE_OAUTH_TOKEN_URL")
            .orElse("https://console.anthropic.com/v1/oauth/token"),
        config
            .optional("RELAY_CLAUDE_OAUTH_CLIENT_ID")
            .orElse("9d1c250a-e61b-44d9-88ed-5944d1962f5e"),
        config
            .optional("RELAY_CLAUDE_OAUTH_REDIRECT_URI")
            .orElse("https://console.anthropic.com/oauth/code/callback"),
        config
            .optional("RELAY_CLAUDE_OAUTH_SCOPES")
            .orElse("org:create_api_key user:profile user:inference"),
        config
            .optional("RELAY_CLAUDE_OAUTH_REFRESH_INTERVAL")
            .map(Duration::parse)
            .orElse(Duration.ofHours(6)),
        config
            .optional("RELAY_CLAUDE_OAUTH_REFRESH_AHEAD")
            .map(Duration::parse)
            .orElse(Duration.ofMinutes(5)));
  }
}
