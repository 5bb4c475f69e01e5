package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One page of a key pool: the keys matching the filter ({@code matching} of them in all), and the
 * whole pool's keys counted by state.
 */
public record KeyPage(int matching, Map<String, Integer> countsByState, List<PoolKey> keys)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public KeyPage {
    countsByState = Map.copyOf(countsByState);
    keys = List.copyOf(keys);
  }

  public int total() {
    return countsByState.values().stream().mapToInt(Integer::intValue).sum();
  }
}
