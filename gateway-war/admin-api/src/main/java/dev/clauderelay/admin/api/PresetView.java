package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;

/** A provider template a plugin offers: the defaults the add-provider page fills in. */
public record PresetView(
    @JsonProperty(required = true) String id,
    String name,
    String description,
    String kind,
    String baseUrl,
    String transformer,
    String strategy,
    List<String> models)
    implements Serializable {}
