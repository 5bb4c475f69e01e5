package dev.clauderelay.admin.api;

import java.io.Serializable;
import java.util.List;

/**
 * {@code POST /api/admin/key-pool/{providerId}/keys/batch-operation}: {@code enable}, {@code
 * disable} or {@code delete} a set of keys.
 */
public record KeyOperationRequest(String operation, List<Long> keyIds) implements Serializable {}
