package dev.clauderelay.admin.relay;

/**
 * The relay's admin API has no key-pool endpoints ({@code /api/admin/key-pool/...}): an older
 * relay. Listing and importing still work through the provider's keys; this operation does not.
 */
public class KeyPoolUnsupportedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public KeyPoolUnsupportedException(String operation) {
    super(operation);
  }

  /** What the console could not do: {@code disable}, {@code test}, {@code maintenance}... */
  public String operation() {
    return getMessage();
  }
}
