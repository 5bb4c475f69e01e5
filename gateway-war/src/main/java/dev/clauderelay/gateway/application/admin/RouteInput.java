package dev.clauderelay.gateway.application.admin;

import dev.clauderelay.gateway.domain.model.route.RouteTarget;
import java.util.List;

/**
 * An admin's description of a route; {@code null} fields keep their current value or default. The
 * API's bounds on each field are checked on its request record, {@code
 * dev.clauderelay.admin.api.RouteRequest}.
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
    String scenario,
    String match,
    String provider,
    String model,
    List<RouteTarget> fallbacks,
    Long threshold,
    Integer position,
    Boolean enabled) {}
