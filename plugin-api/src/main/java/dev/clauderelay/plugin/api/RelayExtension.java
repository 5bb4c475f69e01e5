package dev.clauderelay.plugin.api;

import org.pf4j.ExtensionPoint;

/**
 * The common root of every relay extension: a PF4J extension point with a stable id.
 *
 * <p>The id is what configuration refers to (a provider's {@code "strategy": "round-robin"}), so it
 * never changes between plugin versions. Ids are unique per extension point across all loaded
 * plugins: when two plugins declare the same id the first loaded keeps it and the second is refused
 * (listed as failed, naming both); the relay itself starts.
 */
public interface RelayExtension extends ExtensionPoint {

  /**
   * The stable, lower-case id of this extension, such as {@code round-robin} or {@code openai}.
   * Must return the same non-blank value on every call; called from any thread.
   */
  String id();

  /** A one-line human description shown by the admin API and console. */
  default String description() {
    return id();
  }
}
