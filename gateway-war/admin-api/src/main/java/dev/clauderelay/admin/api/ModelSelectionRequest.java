package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * {@code POST /api/admin/select-model}: the default target an admin selects, a provider and,
 * optionally, the upstream model.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSelectionRequest(
    @NotBlank @Size(max = 100) String provider, @Size(max = 200) String model)
    implements Serializable {}
