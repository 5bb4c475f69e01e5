package dev.clauderelay.admin.web;

import java.util.List;

/**
 * An uptime as people read it: the two largest units that matter ("3 d 4 h", "2 h 5 min", "40 s"),
 * as a bundle key and its arguments, so each language words it its own way.
 */
record Uptime(String key, List<Long> arguments) {

  static Uptime of(long seconds) {
    long s = Math.max(0, seconds);
    long days = s / 86_400;
    long hours = s % 86_400 / 3_600;
    long minutes = s % 3_600 / 60;
    if (days > 0) {
      return new Uptime("uptime.days", List.of(days, hours));
    }
    if (hours > 0) {
      return new Uptime("uptime.hours", List.of(hours, minutes));
    }
    if (minutes > 0) {
      return new Uptime("uptime.minutes", List.of(minutes));
    }
    return new Uptime("uptime.seconds", List.of(s));
  }
}
