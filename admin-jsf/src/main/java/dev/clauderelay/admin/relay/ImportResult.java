package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.util.List;

/**
 * What became of one line of a batch import ({@code POST /api/admin/key-pool/{id}/keys/batch}): its
 * outcome ({@code added}, {@code duplicate}, {@code invalid_format} or {@code test_failed}), the
 * relay's reason when it was not added, and the upstream's answer when the batch was tested. {@code
 * line} is 1-based in the text a person pasted; {@code maskedKey} never holds the secret.
 *
 * @param reason the relay's stable code for why the key was not added (the console words it in the
 *     page's language), or {@code null}
 * @param repeats the line this one repeats, for the reason {@code repeats}
 * @param message the relay's English wording of the reason
 * @param upstream null unless the import asked for a test
 */
public record ImportResult(
    int line,
    String maskedKey,
    String outcome,
    String reason,
    Integer repeats,
    String message,
    KeyProbe upstream)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String ADDED = "added";

  /** The reasons the console words itself; others show the relay's message. */
  public static final List<String> WORDED_REASONS =
      List.of(
          "in_pool",
          "repeats",
          "key_empty",
          "key_length",
          "key_characters",
          "upstream_refused",
          "upstream_silent");

  public boolean added() {
    return ADDED.equals(outcome);
  }

  /** The console's message key for the reason, or {@code null} when there is no reason. */
  public String reasonKey() {
    return reason == null ? null : "keyPool.reason." + reason;
  }

  /** The arguments of the reason's wording: {0} the repeated line, {1} the upstream's status. */
  public Object[] reasonArguments() {
    return new Object[] {
      repeats == null ? 0 : repeats,
      upstream == null || upstream.status() == null ? 0 : upstream.status()
    };
  }
}
