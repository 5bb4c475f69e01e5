package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.util.List;

/**
 * What a batch operation ({@code POST /api/admin/key-pool/{id}/keys/batch-operation}) did: how many
 * keys it enabled, disabled or deleted, and why it left the others (a key deleted meanwhile).
 */
public record OperationReport(String operation, int done, int notFound, List<Result> results)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public OperationReport {
    results = List.copyOf(results);
  }

  /** One key's result; {@code maskedKey} is null for a key the pool does not have. */
  public record Result(long keyId, String maskedKey, boolean done, String message)
      implements Serializable {

    private static final long serialVersionUID = 1L;
  }
}
