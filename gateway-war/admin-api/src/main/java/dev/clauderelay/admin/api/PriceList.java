package dev.clauderelay.admin.api;

import java.io.Serializable;
import java.util.List;

/** {@code GET /api/admin/prices}: every price, by model pattern. */
public record PriceList(List<PriceView> prices) implements Serializable {}
