package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;

/**
 * {@code POST /api/admin/key-pool/{providerId}/keys}: a key an admin adds, with its label, weight
 * and limits; also an entry of a batch's {@code keys}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PoolKeyRequest(
    String key, String label, Integer weight, Integer rpmLimit, Integer concurrencyLimit)
    implements Serializable {

  @Override
  public String toString() {
    return "PoolKeyRequest[label=" + label + "]"; // no key in logs
  }
}
