package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;

/**
 * {@code POST /api/admin/key-pool/{providerId}/keys/{keyId}/test}: what the upstream answered, and
 * the key's state before and after (a refused key becomes invalid; an invalid key that passes comes
 * back).
 */
public record KeyTestResult(
    @JsonProperty(required = true) long keyId,
    String key,
    @JsonProperty(required = true) KeyProbe upstream,
    @JsonProperty(required = true) String statusBefore,
    @JsonProperty(required = true) String status)
    implements Serializable {}
