package dev.clauderelay.plugin.api;

/**
 * The version of this API and the rule by which a relay accepts a plugin built against it.
 *
 * <p><b>Compatibility rule.</b> The API follows semantic versioning: a minor version only adds (a
 * default method, a new record constructor, a new extension point), so a plugin built against 1.0
 * runs on every 1.x relay; a major version may break, so a plugin built against 1.x is refused by a
 * 2.x relay. A plugin states what it needs in its jar manifest as a PF4J {@code Plugin-Requires}
 * constraint over this version, {@code ^1.3.0} for "1.3 or a later 1.x", which the plugins parent
 * pom and the template write from the API version they compile against. The relay checks the
 * constraint against {@link #VERSION} when it loads the jar and refuses one that does not match,
 * naming the plugin, the constraint and this version; the relay itself starts all the same. A jar
 * without the entry (or with {@code *}) is taken as compatible with any version, as PF4J does.
 */
public final class PluginApi {

  /**
   * The version of the extension points in this jar, {@code major.minor.patch}; also the {@code
   * Plugin-Api-Version} entry of the jar's manifest.
   */
  public static final String VERSION = "1.3.0";

  /** The constraint a plugin built against this API writes in {@code Plugin-Requires}. */
  public static final String REQUIRES_THIS_OR_LATER_MINOR = "^" + VERSION;

  private PluginApi() {}

  /** The major part of {@link #VERSION}: a relay accepts plugins built for this major only. */
  public static int major() {
    return Integer.parseInt(VERSION.substring(0, VERSION.indexOf('.')));
  }
}
