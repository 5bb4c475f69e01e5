package dev.clauderelay.gateway.interfaces.admin.rest.input;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The default target an admin selects: a provider and, optionally, the upstream model. */
public record ModelSelection(
    @NotBlank @Size(max = 100) String provider, @Size(max = 200) String model) {}
