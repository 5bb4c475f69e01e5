package dev.clauderelay.plugins.gemini;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/** Gemini's quota day: per-day quotas reset at midnight Pacific time (daylight saving included). */
final class QuotaDay {

  static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

  private QuotaDay() {}

  private static final ZoneRules RULES = ZONE.getRules();
  private static final long DAY = 86_400_000L;

  /**
   * The midnight that began the quota day holding {@code epochMillis}. Called on every selection of
   * a Gemini pool, so computed from the zone's offsets rather than through calendar objects: the
   * local day from the offset now, then midnight with the offset in force at midnight (they differ
   * on the days daylight saving starts or ends, which change at 2 am).
   */
  static long start(long epochMillis) {
    long localDay = Math.floorDiv(epochMillis + offsetMillis(epochMillis), DAY);
    long guess = localDay * DAY - offsetMillis(epochMillis);
    return localDay * DAY - offsetMillis(guess);
  }

  private static long offsetMillis(long epochMillis) {
    return RULES.getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds() * 1000L;
  }

  /** The next midnight after {@code epochMillis}, when per-day quotas are whole again. */
  static long next(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis)
        .atZone(ZONE)
        .toLocalDate()
        .plusDays(1)
        .atStartOfDay(ZONE)
        .toInstant()
        .toEpochMilli();
  }
}
