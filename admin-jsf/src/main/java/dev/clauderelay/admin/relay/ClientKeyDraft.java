package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What an admin writes about a client key; null fields are left out (kept, or defaulted). An {@code
 * expiresAt} of {@link Instant#EPOCH} is sent as an empty string: no expiry.
 */
public record ClientKeyDraft(
    String name, List<String> models, Integer rpmLimit, Instant expiresAt, Boolean enabled)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public static ClientKeyDraft enabledOnly(boolean enabled) {
    return new ClientKeyDraft(null, null, null, null, enabled);
  }
}
