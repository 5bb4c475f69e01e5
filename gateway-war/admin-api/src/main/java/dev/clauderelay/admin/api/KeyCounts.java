package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A whole pool's keys, whatever a page's filter: by state ({@code active}, {@code cooling_down},
 * {@code exhausted}, {@code invalid}, {@code disabled}: each key in one), then {@code
 * limited_for_a_model} (active keys limited for some model), {@code total} and {@code usable}
 * (those the relay may use now). On the wire one flat object, so a state added later arrives too.
 */
public record KeyCounts(@JsonAnyGetter @JsonAnySetter Map<String, Integer> byName)
    implements Serializable {

  public static final String LIMITED_FOR_A_MODEL = "limited_for_a_model";
  public static final String TOTAL = "total";
  public static final String USABLE = "usable";

  public static final KeyCounts NONE = new KeyCounts(Map.of());

  /** The keys by state, without the three counts that are not states. */
  public Map<String, Integer> byState() {
    Map<String, Integer> states = new LinkedHashMap<>(byName);
    states.remove(LIMITED_FOR_A_MODEL);
    states.remove(TOTAL);
    states.remove(USABLE);
    return states;
  }

  public int limitedForAModel() {
    return byName.getOrDefault(LIMITED_FOR_A_MODEL, 0);
  }

  public int total() {
    return byName.getOrDefault(TOTAL, 0);
  }

  public int usable() {
    return byName.getOrDefault(USABLE, 0);
  }
}
