package dev.clauderelay.gateway.infrastructure.plugins;

import dev.clauderelay.plugin.api.RelayExtension;

/**
 * One extension a plugin contributed.
 *
 * @param point the extension point's simple name, such as {@code KeySelectionStrategy}
 * @param id the extension's id, unique per point
 * @param pluginId the plugin that declared it
 * @param kind for a transformer its upstream kind, for a preset its provider kind; else null
 * @param instance the cached instance the relay calls
 */
public record LoadedExtension(
    String point,
    String id,
    String pluginId,
    String description,
    String kind,
    RelayExtension instance) {}
