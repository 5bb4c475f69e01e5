package dev.clauderelay.gateway.infrastructure.plugins;

/** A change to the plugin set that cannot be made as asked; the message says why, for an admin. */
public class PluginChangeRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why: the jar is not acceptable, the change clashes with the current set, or no such plugin. */
  public enum Reason {
    INVALID,
    CONFLICT,
    NOT_FOUND
  }

  private final Reason reason;

  public PluginChangeRefused(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
