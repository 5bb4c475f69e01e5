package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;

/**
 * A client key an admin creates ({@code POST /api/admin/client-keys}) or changes ({@code PUT
 * /api/admin/client-keys/{id}}); {@code null} fields keep their current value or default.
 *
 * @param models allowed model names or {@code *} patterns; default all
 * @param rpmLimit requests per minute; 0 removes the limit
 * @param expiresAt an ISO-8601 instant such as {@code 2027-01-01T00:00:00Z}; empty removes the
 *     expiry
 * @param budget replaces the key's whole budget when present; absent keeps it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientKeyRequest(
    @Size(max = 100) String name,
    @Size(max = 200) List<String> models,
    @Min(0) @Max(1_000_000) Integer rpmLimit,
    @Size(max = 64) String expiresAt,
    Boolean enabled,
    @Valid ClientKeyBudget budget)
    implements Serializable {

  /** A request without a budget (the budget stays as it is). */
  public ClientKeyRequest(
      String name, List<String> models, Integer rpmLimit, String expiresAt, Boolean enabled) {
    this(name, models, rpmLimit, expiresAt, enabled, null);
  }
}
