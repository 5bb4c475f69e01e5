package dev.clauderelay.plugins.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.plugin.api.KeyCandidate;
import dev.clauderelay.plugin.api.KeyCandidates;
import dev.clauderelay.plugin.api.SelectionContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GeminiQuotaKeySelectionTest {

  private final GeminiQuotaKeySelection strategy = new GeminiQuotaKeySelection();

  @Test
  void picksTheKeyThatSentTheFewestRequestsForTheModelSinceTheDailyReset() {
    Counted keys =
        new Counted(
            List.of(
                new KeyCandidate(1, 1, 0, 10, 0, 240), // nearly out of today's quota for the model
                new KeyCandidate(2, 1, 3, 5_000, 0, 12), // busy, much used for other models
                new KeyCandidate(3, 1, 0, 20, 0, 90)));

    assertThat(strategy.select(keys, context(0))).isEqualTo(1);
  }

  @Test
  void breaksTiesByRequestsInFlightThenByTotal() {
    Counted keys =
        new Counted(
            List.of(
                new KeyCandidate(1, 1, 2, 1, 0, 7),
                new KeyCandidate(2, 1, 1, 9, 0, 7),
                new KeyCandidate(3, 1, 1, 4, 0, 7)));

    assertThat(strategy.select(keys, context(0))).isEqualTo(2);
  }

  @Test
  void countsTheQuotaDayFromMidnightPacificTimeAcrossDaylightSaving() {
    // Winter (PST, UTC-8) and summer (PDT, UTC-7).
    assertThat(strategy.quotaWindowStart("gemini-2.5-pro", millis("2026-11-26T21:30:00Z")))
        .isEqualTo(millis("2026-11-26T08:00:00Z"));
    assertThat(strategy.quotaWindowStart("gemini-2.5-pro", millis("2026-07-01T06:59:59Z")))
        .isEqualTo(millis("2026-06-30T07:00:00Z"));
    assertThat(strategy.quotaWindowStart("gemini-2.5-pro", millis("2026-07-01T07:00:00Z")))
        .isEqualTo(millis("2026-07-01T07:00:00Z"));
    // The days daylight saving starts and ends: midnight keeps the offset it had before 2 am.
    assertThat(strategy.quotaWindowStart("gemini-2.5-pro", millis("2026-03-08T18:00:00Z")))
        .isEqualTo(millis("2026-03-08T08:00:00Z"));
    assertThat(strategy.quotaWindowStart("gemini-2.5-pro", millis("2026-11-01T20:00:00Z")))
        .isEqualTo(millis("2026-11-01T07:00:00Z"));
    assertThat(strategy.quotaWindowStart("gemini-2.5-pro", millis("2026-03-09T06:59:59Z")))
        .isEqualTo(millis("2026-03-08T08:00:00Z"));
  }

  @Test
  void readsOneWindowOfALargePool() {
    List<KeyCandidate> list = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      list.add(new KeyCandidate(i, 1, 0, 0, 0, 10_000 - i));
    }
    Counted keys = new Counted(list);

    int chosen = strategy.select(keys, context(2));

    assertThat(keys.reads).isEqualTo(GeminiQuotaKeySelection.WINDOW);
    assertThat(chosen).isEqualTo(3 * GeminiQuotaKeySelection.WINDOW - 1);
  }

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  private static SelectionContext context(long sequence) {
    return new SelectionContext(sequence, new SplittableRandom(1), "gemini-2.5-pro", 0);
  }

  /** A list-backed view that counts what the strategy reads. */
  private static final class Counted implements KeyCandidates {
    private final List<KeyCandidate> list;
    private int reads;

    Counted(List<KeyCandidate> list) {
      this.list = list;
    }

    @Override
    public int size() {
      return list.size();
    }

    @Override
    public KeyCandidate get(int index) {
      reads++;
      return list.get(index);
    }
  }
}
