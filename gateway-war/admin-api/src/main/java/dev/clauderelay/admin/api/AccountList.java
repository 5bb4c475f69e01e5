package dev.clauderelay.admin.api;

import java.io.Serializable;
import java.util.List;

/** {@code GET /api/admin/claude-accounts}. */
public record AccountList(List<ClaudeAccountView> accounts) implements Serializable {}
