package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.Serializable;

/**
 * {@code POST /api/admin/client-keys}: the key just created, with its clear {@code key} in place of
 * the masked one; the only answer that ever shows it ({@code keyShownOnce}).
 */
public record IssuedClientKey(@JsonUnwrapped ClientKeyView clientKey, boolean keyShownOnce)
    implements Serializable {

  @Override
  public String toString() {
    return "IssuedClientKey[id=" + (clientKey == null ? null : clientKey.id()) + "]"; // no key
  }
}
