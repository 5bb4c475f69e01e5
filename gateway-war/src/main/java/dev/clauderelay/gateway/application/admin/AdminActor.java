package dev.clauderelay.gateway.application.admin;

/** Who makes an admin change, for the audit log: an admin's name and address, or the system. */
public record AdminActor(String name, String remoteAddress) {

  /** Changes made by the relay itself (the configuration file at startup). */
  public static AdminActor system(String what) {
    return new AdminActor("system:" + what, null);
  }
}
