package dev.clauderelay.gateway.infrastructure.plugins;

import java.util.List;

/**
 * A plugin jar of the plugins folder and what became of it.
 *
 * @param id the manifest's {@code Plugin-Id}; the jar's file name when the jar is unreadable
 * @param jar the jar's file name in the plugins folder
 * @param state {@link #STARTED}, {@link #DISABLED} or {@link #FAILED}
 * @param requires the plugin API versions it declares it needs ({@code *} for any)
 * @param error why a {@link #FAILED} plugin is not loaded; null otherwise
 * @param extensions what a started plugin contributes; empty otherwise
 */
public record LoadedPlugin(
    String id,
    String version,
    String provider,
    String description,
    String jar,
    String state,
    String requires,
    String error,
    List<LoadedExtension> extensions) {

  public static final String STARTED = "STARTED";
  public static final String DISABLED = "DISABLED";
  public static final String FAILED = "FAILED";

  static LoadedPlugin failed(String id, String jar, String requires, String error) {
    return new LoadedPlugin(id, "", "", "", jar, FAILED, requires, error, List.of());
  }
}
