package dev.clauderelay.admin.web;

/** The colour of a status tag ({@code p:tag} severity) for the gateway's health words. */
final class HealthSeverity {

  private HealthSeverity() {}

  /**
   * For the relay: {@code ok}, {@code degraded}, {@code stopping}, {@code down}; anything else is
   * shown neutral.
   */
  static String ofRelay(String status) {
    return switch (status == null ? "" : status) {
      case "ok" -> "success";
      case "degraded", "stopping" -> "warning";
      case "down" -> "danger";
      default -> "info";
    };
  }

  /** For the database: {@code up} or {@code down}. */
  static String ofDatabase(String status) {
    return switch (status == null ? "" : status) {
      case "up" -> "success";
      case "down" -> "danger";
      default -> "info";
    };
  }
}
