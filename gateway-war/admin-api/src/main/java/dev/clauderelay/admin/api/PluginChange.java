package dev.clauderelay.admin.api;

import java.io.Serializable;

/**
 * The answer to a change of the plugin set ({@code POST /api/admin/plugins}, {@code POST
 * /api/admin/plugins/{id}/enable} or {@code /disable}, {@code DELETE /api/admin/plugins/{id}}): the
 * plugin as it is now and the providers the change touched.
 *
 * @param plugin the plugin after the change; for a removal, as it was
 * @param message one sentence for the admin, such as which providers lost their transformer
 */
public record PluginChange(PluginCatalog.Plugin plugin, String message) implements Serializable {}
