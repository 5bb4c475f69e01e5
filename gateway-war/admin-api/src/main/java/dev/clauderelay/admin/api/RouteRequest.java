package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;

/**
 * A route an admin creates ({@code POST /api/admin/routes}) or changes ({@code PUT
 * /api/admin/routes/{id}}); {@code null} fields keep their current value or default.
 *
 * @param scenario {@code model} (default), {@code background}, {@code long_context}, {@code think}
 *     or {@code default}
 * @param match the requested model name or pattern ({@code *haiku*})
 * @param provider the target provider's name
 * @param model the upstream model; {@code null} keeps the requested model's name
 * @param fallbacks further targets, tried in order
 * @param threshold for {@code long_context}: estimated input tokens above which it applies
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RouteRequest(
    @Size(max = 32) String scenario,
    @Size(max = 200) String match,
    @Size(max = 100) String provider,
    @Size(max = 200) String model,
    @Size(max = 20) List<RouteTarget> fallbacks,
    @Min(1) Long threshold,
    @Min(0) Integer position,
    Boolean enabled)
    implements Serializable {}
