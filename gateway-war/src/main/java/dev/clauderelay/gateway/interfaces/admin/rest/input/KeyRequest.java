package dev.clauderelay.gateway.interfaces.admin.rest.input;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A key an admin adds to a provider's pool. */
public record KeyRequest(
    @NotBlank @Size(max = 1024) String key,
    @Size(max = 200) String label,
    @Min(1) @Max(1000) Integer weight) {}
