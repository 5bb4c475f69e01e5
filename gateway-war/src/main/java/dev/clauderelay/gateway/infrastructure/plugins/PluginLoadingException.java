package dev.clauderelay.gateway.infrastructure.plugins;

/** The plugins folder cannot be loaded as it is; the message says which jars and why. */
public class PluginLoadingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PluginLoadingException(String message) {
    super(message);
  }
}
