package dev.clauderelay.admin.api;

import java.io.Serializable;
import java.util.List;

/** {@code GET /api/admin/client-keys}. */
public record ClientKeyList(List<ClientKeyView> clientKeys) implements Serializable {}
