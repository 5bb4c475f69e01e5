package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.Serializable;

/**
 * {@code POST /api/admin/claude-accounts/{id}/refresh}: the account, and whether its token was
 * refreshed.
 */
public record AccountRefreshed(@JsonUnwrapped ClaudeAccountView account, boolean refreshed)
    implements Serializable {}
