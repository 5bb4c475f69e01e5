package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;

/**
 * {@code PUT /api/admin/key-pool/{providerId}/keys/{keyId}}: a change to one key; absent fields
 * stay. {@code status} {@code active} or {@code disabled}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PoolKeyChange(
    String status, String label, Integer weight, Integer rpmLimit, Integer concurrencyLimit)
    implements Serializable {}
