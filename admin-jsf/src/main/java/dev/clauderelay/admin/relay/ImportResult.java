package dev.clauderelay.admin.relay;

import java.io.Serializable;

/**
 * What became of one line of a batch import: added, or refused with the relay's reason (a
 * duplicate, a malformed key). {@code line} is 1-based; {@code maskedKey} never holds the secret.
 */
public record ImportResult(int line, String maskedKey, boolean added, String message)
    implements Serializable {

  private static final long serialVersionUID = 1L;
}
