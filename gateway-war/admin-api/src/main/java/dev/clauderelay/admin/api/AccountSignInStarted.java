package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.Serializable;

/**
 * {@code POST /api/admin/claude-accounts/{id}/auth} without a code: the account, the URL where a
 * person signs in to Claude, and what to send next.
 */
public record AccountSignInStarted(
    @JsonUnwrapped ClaudeAccountView account,
    @JsonProperty(required = true) String authorizeUrl,
    String next)
    implements Serializable {}
