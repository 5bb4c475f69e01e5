package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * {@code POST /api/admin/claude-accounts}: a new Claude account, {@code oauth} (signs in next) or
 * {@code api_key} (with its key).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountRequest(
    @Size(max = 100) String name, String authType, @Size(max = 1024) String apiKey)
    implements Serializable {

  @Override
  public String toString() {
    return "AccountRequest[name=" + name + ", authType=" + authType + "]"; // no key in logs
  }
}
