package dev.clauderelay.gateway.infrastructure.plugins;

import java.util.List;

/** A plugin jar the registry loaded, with what it contributes. */
public record LoadedPlugin(
    String id,
    String version,
    String provider,
    String description,
    String jar,
    String state,
    List<LoadedExtension> extensions) {}
