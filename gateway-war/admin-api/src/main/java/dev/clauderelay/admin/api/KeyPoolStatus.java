package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;

/**
 * {@code GET /api/admin/key-pool/{providerId}?offset=&limit=&status=&q=&sort=}: the provider, the
 * strategies it may choose from, the whole pool's counts, the sessions bound to a key, and one page
 * of the keys matching the filter.
 */
public record KeyPoolStatus(
    KeyPoolProvider provider,
    List<String> strategies,
    @JsonProperty(required = true) KeyCounts counts,
    int affineSessions,
    @JsonProperty(required = true) KeyPage<PoolKey> keys)
    implements Serializable {}
