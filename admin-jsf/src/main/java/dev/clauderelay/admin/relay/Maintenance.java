package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.util.List;

/**
 * What a maintenance run ({@code POST /api/admin/key-pool/{id}/maintenance}) did: the keys whose
 * rest was over, the invalid keys it probed and how many of them came back, and how many invalid
 * keys its probe budget left for later.
 */
public record Maintenance(
    List<Change> recovered, List<Change> probed, int returned, int invalidNotProbed)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public Maintenance {
    recovered = List.copyOf(recovered);
    probed = List.copyOf(probed);
  }

  /**
   * One key the run looked at: its state before and after, the relay's note, and for a probed key
   * the upstream's answer (null for a recovered one).
   */
  public record Change(
      long keyId, String maskedKey, String from, String to, String note, KeyProbe upstream)
      implements Serializable {

    private static final long serialVersionUID = 1L;

    public boolean changed() {
      return !from.equals(to);
    }
  }
}
