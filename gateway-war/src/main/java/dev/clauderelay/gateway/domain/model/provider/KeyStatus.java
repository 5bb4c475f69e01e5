package dev.clauderelay.gateway.domain.model.provider;

/** Where a provider key stands, as the pool sees it. */
public enum KeyStatus {
  /** Usable. */
  ACTIVE,
  /** Rate limited: usable again at its {@code statusUntil}. */
  COOLING_DOWN,
  /** Quota used up: usable again at its reset ({@code statusUntil}). */
  EXHAUSTED,
  /** Refused by the upstream (401/403): probed on a schedule, never given traffic. */
  INVALID,
  /** Switched off by an admin. */
  DISABLED
}
