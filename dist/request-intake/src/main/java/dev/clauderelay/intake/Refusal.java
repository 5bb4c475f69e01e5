package dev.clauderelay.intake;

/** Why a body was not taken, with the HTTP status it is answered with. */
public enum Refusal {
  /** Above the endpoint's limit. */
  TOO_LARGE(413),
  /** The memory for bodies is spent; the client may retry at once. */
  BUSY(529),
  /** It stalled, or arrived too slowly. */
  TOO_SLOW(408),
  /** The receiver failed: the host's own bug. */
  FAILED(500);

  private final int status;

  Refusal(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }
}
