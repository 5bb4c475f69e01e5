package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;

/**
 * What a batch operation did: how many keys it enabled, disabled or deleted, and why it left the
 * others (a key deleted meanwhile).
 */
public record KeyOperationReport(
    @JsonProperty(required = true) String operation,
    @JsonProperty(required = true) int done,
    int notFound,
    List<Item> results)
    implements Serializable {

  /**
   * One key's result, {@code done} or {@code not_found}; {@code key} is null for a key the pool
   * does not have.
   */
  public record Item(
      @JsonProperty(required = true) long keyId,
      String key,
      String result,
      @JsonInclude(JsonInclude.Include.NON_NULL) String message)
      implements Serializable {

    public boolean done() {
      return "done".equals(result);
    }
  }
}
