package dev.clauderelay.gateway.interfaces.admin.rest.input;

import dev.clauderelay.gateway.application.admin.ClientKeyInput;
import dev.clauderelay.gateway.application.admin.InvalidInputException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** What an admin sends; {@code expiresAt} is an ISO-8601 instant. */
public record ClientKeyRequest(
    @Size(max = 100) String name,
    @Size(max = 200) List<String> models,
    @Min(0) @Max(1_000_000) Integer rpmLimit,
    @Size(max = 64) String expiresAt,
    Boolean enabled) {

  public ClientKeyInput toInput() {
    Instant expiry = null;
    if (expiresAt != null && !expiresAt.isBlank()) {
      try {
        expiry = Instant.parse(expiresAt.strip());
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(
            "expiresAt", "must be an ISO-8601 instant such as 2027-01-01T00:00:00Z");
      }
    }
    return new ClientKeyInput(name, null, models, rpmLimit, expiry, enabled);
  }
}
