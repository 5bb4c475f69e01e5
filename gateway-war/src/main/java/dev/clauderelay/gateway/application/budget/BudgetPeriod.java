package dev.clauderelay.gateway.application.budget;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** A budget's period, in UTC: a calendar day, a week from Monday, a calendar month. */
public enum BudgetPeriod {
  DAY,
  WEEK,
  MONTH;

  /** The start of the period that holds {@code millis}. */
  public long startOf(long millis) {
    LocalDate day = Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate start =
        switch (this) {
          case DAY -> day;
          case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          case MONTH -> day.withDayOfMonth(1);
        };
    return start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** The start of the next period: when a limit reached in the current one resets. */
  public long resetAfter(long millis) {
    LocalDate start = Instant.ofEpochMilli(startOf(millis)).atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate next =
        switch (this) {
          case DAY -> start.plusDays(1);
          case WEEK -> start.plusWeeks(1);
          case MONTH -> start.plusMonths(1);
        };
    return next.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** {@code daily}, {@code weekly}, {@code monthly}: as the limits are named. */
  public String adjective() {
    return switch (this) {
      case DAY -> "daily";
      case WEEK -> "weekly";
      case MONTH -> "monthly";
    };
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
