package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;

/**
 * {@code POST /api/admin/key-pool/{providerId}/maintenance?probe=}: the keys whose rest was over,
 * the invalid keys it probed and how many of them came back, and how many invalid keys its probe
 * budget left for later.
 */
public record MaintenanceReport(
    @JsonProperty(required = true) List<Change> recovered,
    @JsonProperty(required = true) List<Change> probed,
    long returned,
    int invalidNotProbed)
    implements Serializable {

  /**
   * One key the run looked at: its state before and after, the relay's note, and for a probed key
   * the upstream's answer (absent for a recovered one).
   */
  public record Change(
      @JsonProperty(required = true) long keyId,
      String key,
      @JsonProperty(required = true) String from,
      @JsonProperty(required = true) String to,
      String note,
      @JsonInclude(JsonInclude.Include.NON_NULL) KeyProbe upstream)
      implements Serializable {

    public boolean changed() {
      return !from.equals(to);
    }
  }
}
