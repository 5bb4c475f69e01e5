package dev.clauderelay.admin.api;

import java.io.Serializable;
import java.util.List;

/** {@code GET /api/admin/providers/presets}, sorted by name. */
public record PresetList(List<PresetView> presets) implements Serializable {}
