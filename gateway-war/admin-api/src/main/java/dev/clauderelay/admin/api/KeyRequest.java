package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** {@code POST /api/admin/providers/{id}/keys}: a key an admin adds to a provider's pool. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyRequest(
    @NotBlank @Size(max = 1024) String key,
    @Size(max = 200) String label,
    @Min(1) @Max(1000) Integer weight)
    implements Serializable {

  @Override
  public String toString() {
    return "KeyRequest[label=" + label + ", weight=" + weight + "]"; // no key in logs
  }
}
