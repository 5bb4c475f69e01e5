package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One page of a key pool as {@code GET /api/admin/key-pool/{id}} answers it: the keys matching the
 * filter ({@code matching} of them in all) and the whole pool's counts, whatever the filter.
 */
public record KeyPage(Counts counts, int matching, List<PoolKey> keys) implements Serializable {

  private static final long serialVersionUID = 1L;

  public KeyPage {
    keys = List.copyOf(keys);
  }

  /**
   * The whole pool's keys by state ({@code active}, {@code cooling_down}, {@code exhausted}, {@code
   * invalid}, {@code disabled}: each key in one), the active keys limited for some model (also
   * counted as active), all keys, and those the relay may use now.
   */
  public record Counts(Map<String, Integer> byState, int limitedForAModel, int total, int usable)
      implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final Counts NONE = new Counts(Map.of(), 0, 0, 0);

    public Counts {
      byState = Map.copyOf(byState);
    }
  }
}
