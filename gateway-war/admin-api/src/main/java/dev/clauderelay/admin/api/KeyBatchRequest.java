package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.util.List;

/**
 * {@code POST /api/admin/key-pool/{providerId}/keys/batch}: many keys, as {@code keys} (each a
 * string, or an object like {@link PoolKeyRequest}; an entry of another shape is refused alone) or
 * as {@code text} (one key per line; blank lines and lines starting with {@code #} skipped, but
 * counted). The settings apply to every entry that does not set its own; {@code test} probes each
 * key before adding it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyBatchRequest(
    List<Object> keys,
    String text,
    String label,
    Integer weight,
    Integer rpmLimit,
    Integer concurrencyLimit,
    Boolean test)
    implements Serializable {

  @Override
  public String toString() {
    return "KeyBatchRequest[label=" + label + ", test=" + test + "]"; // no keys in logs
  }
}
