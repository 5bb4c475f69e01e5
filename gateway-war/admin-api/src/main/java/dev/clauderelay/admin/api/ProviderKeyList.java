package dev.clauderelay.admin.api;

import java.io.Serializable;
import java.util.List;

/** {@code GET /api/admin/providers/{id}/keys}. */
public record ProviderKeyList(List<ProviderKeyView> keys) implements Serializable {}
