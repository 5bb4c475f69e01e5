package dev.clauderelay.gateway.application.admin;

import dev.clauderelay.gateway.domain.model.route.RouteTarget;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An admin's description of a route; {@code null} fields keep their current value or default.
 *
 * @param scenario {@code model} (default), {@code background}, {@code long_context}, {@code think}
 *     or {@code default}
 * @param match the requested model name or pattern ({@code *haiku*})
 * @param provider the target provider's name
 * @param model the upstream model; {@code null} keeps the requested model's name
 * @param fallbacks further targets, tried in order
 * @param threshold for {@code long_context}: estimated input tokens above which it applies
 */
public record RouteInput(
    @Size(max = 32) String scenario,
    @Size(max = 200) String match,
    @Size(max = 100) String provider,
    @Size(max = 200) String model,
    @Size(max = 20) List<RouteTarget> fallbacks,
    @Min(1) Long threshold,
    @Min(0) Integer position,
    Boolean enabled) {}
