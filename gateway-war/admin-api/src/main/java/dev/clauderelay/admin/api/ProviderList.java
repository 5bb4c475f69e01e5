package dev.clauderelay.admin.api;

import java.io.Serializable;
import java.util.List;

/** {@code GET /api/admin/providers}. */
public record ProviderList(List<ProviderView> providers) implements Serializable {}
