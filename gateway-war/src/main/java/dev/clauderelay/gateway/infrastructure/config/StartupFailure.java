package dev.clauderelay.gateway.infrastructure.config;

/**
 * Hands the reason a startup step failed to the launcher, which runs in the same JVM but another
 * class loader: a system property is what both see. The launcher prints it as the one line a user
 * needs, instead of pointing at a stack trace.
 */
public final class StartupFailure {

  /** The property the launcher reads. */
  public static final String PROPERTY = "relay.startup.failure";

  private StartupFailure() {}

  /** Records the first failure's message and returns the exception to rethrow. */
  public static RuntimeException report(RuntimeException failure) {
    if (System.getProperty(PROPERTY) == null && failure.getMessage() != null) {
      System.setProperty(PROPERTY, failure.getMessage());
    }
    return failure;
  }
}
