package dev.clauderelay.admin.api;

import java.io.Serializable;

/** {@code POST /api/admin/auth}: an admin's username and password, traded for a token. */
public record AdminSignIn(String username, String password) implements Serializable {

  @Override
  public String toString() {
    return "AdminSignIn[username=" + username + "]"; // no password in logs
  }
}
