package dev.clauderelay.admin.api;

import java.io.Serializable;
import java.util.List;

/** {@code GET /api/admin/routes}, in the order they are tried. */
public record RouteList(List<RouteView> routes) implements Serializable {}
