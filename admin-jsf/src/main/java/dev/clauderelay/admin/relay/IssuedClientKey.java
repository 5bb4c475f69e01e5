package dev.clauderelay.admin.relay;

/**
 * A client key just created: its view, and the clear key the relay shows this once. Never stored
 * beyond the page that shows it.
 */
public record IssuedClientKey(ClientKey key, String clearKey) {

  @Override
  public String toString() {
    return "IssuedClientKey[" + key + "]"; // no clear key in logs
  }
}
