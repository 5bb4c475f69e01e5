package dev.clauderelay.admin.relay;

import java.io.Serializable;

/**
 * A key's test ({@code POST /api/admin/key-pool/{id}/keys/{keyId}/test}): what the upstream
 * answered, and the key's state before and after (a refused key becomes invalid; an invalid key
 * that passes comes back).
 */
public record KeyTest(
    long keyId, String maskedKey, KeyProbe upstream, String statusBefore, String status)
    implements Serializable {

  private static final long serialVersionUID = 1L;
}
