package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.util.Set;

/**
 * What the key-pool table asks for, in the key-pool API's terms ({@code ?offset=&limit=&status=&q=
 * &sort=}): a page, an optional state, an optional text and an optional sort field.
 *
 * @param limit 1 to {@value #MAX_LIMIT}
 * @param status a state ({@code active}, {@code cooling_down}, {@code exhausted}, {@code invalid},
 *     {@code disabled}) or {@code limited_for_a_model}; null for all
 * @param text a piece of the label or of the masked key, a key's id, or a whole key as pasted (the
 *     relay compares it with the secrets it holds and never shows them); null for all
 * @param sortField one of {@link #SORT_FIELDS}, null for the pool's order (by id)
 */
public record KeyQuery(
    int offset, int limit, String status, String text, String sortField, boolean descending)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The fields the relay sorts by; it refuses any other. */
  public static final Set<String> SORT_FIELDS =
      Set.of(
          "id",
          "label",
          "status",
          "weight",
          "requests",
          "successes",
          "failures",
          "rateLimited",
          "lastUsed",
          "latency");

  public static final int MAX_LIMIT = 1_000;

  public KeyQuery {
    offset = Math.max(0, offset);
    limit = Math.max(1, Math.min(limit, MAX_LIMIT));
    status = blankToNull(status);
    text = blankToNull(text);
    sortField = blankToNull(sortField);
    if (sortField != null && !SORT_FIELDS.contains(sortField)) {
      throw new IllegalArgumentException("the relay does not sort keys by " + sortField);
    }
  }

  /** The {@code sort} query parameter of the key-pool API: {@code field} or {@code -field}. */
  public String sortParameter() {
    return sortField == null ? null : (descending ? "-" : "") + sortField;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
