package dev.clauderelay.admin.relay;

import java.io.Serializable;

/**
 * Who calls the admin API: the admin token, and the browser's address the gateway's throttle and
 * audit log see.
 */
public record AdminCredentials(String token, String browserAddress) implements Serializable {

  private static final long serialVersionUID = 1L;

  String bearer() {
    return "Bearer " + token;
  }

  @Override
  public String toString() {
    return "AdminCredentials[browserAddress=" + browserAddress + "]"; // no token in logs
  }
}
