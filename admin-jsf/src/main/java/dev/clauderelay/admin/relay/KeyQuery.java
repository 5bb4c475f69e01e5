package dev.clauderelay.admin.relay;

import java.io.Serializable;

/**
 * What the key-pool table asks for: a page ({@code offset}, {@code limit}), an optional state, an
 * optional text to find in the masked key, label or last error, and an optional sort field.
 *
 * @param status a state ({@code active}, {@code cooling_down}, ...) or null for all
 * @param sortField {@code key}, {@code status}, {@code requests}, {@code successRate}, {@code
 *     lastUsedAt}, {@code failures} or null for the pool's order
 */
public record KeyQuery(
    int offset, int limit, String status, String text, String sortField, boolean descending)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public KeyQuery {
    offset = Math.max(0, offset);
    limit = Math.max(1, Math.min(limit, 500));
    status = blankToNull(status);
    text = blankToNull(text);
    sortField = blankToNull(sortField);
  }

  /** The {@code sort} query parameter of the key-pool API: {@code field} or {@code -field}. */
  public String sortParameter() {
    return sortField == null ? null : (descending ? "-" : "") + sortField;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
