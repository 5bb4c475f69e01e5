package dev.clauderelay.admin.relay;

import java.io.Serializable;

/**
 * What became of one line of a batch import ({@code POST /api/admin/key-pool/{id}/keys/batch}): its
 * outcome ({@code added}, {@code duplicate}, {@code invalid_format} or {@code test_failed}), the
 * relay's reason when it was not added, and the upstream's answer when the batch was tested. {@code
 * line} is 1-based in the text a person pasted; {@code maskedKey} never holds the secret.
 *
 * @param upstream null unless the import asked for a test
 */
public record ImportResult(
    int line, String maskedKey, String outcome, String message, KeyProbe upstream)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String ADDED = "added";

  public boolean added() {
    return ADDED.equals(outcome);
  }
}
