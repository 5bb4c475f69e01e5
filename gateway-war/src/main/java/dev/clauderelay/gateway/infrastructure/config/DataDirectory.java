package dev.clauderelay.gateway.infrastructure.config;

import java.nio.file.Path;

/** Where the relay keeps its files when {@code RELAY_DATA_DIR} does not say. */
final class DataDirectory {

  private DataDirectory() {}

  static Path resolve(String configured) {
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath();
    }
    return Path.of(System.getProperty("user.home"), ".claude-relay").toAbsolutePath();
  }
}
