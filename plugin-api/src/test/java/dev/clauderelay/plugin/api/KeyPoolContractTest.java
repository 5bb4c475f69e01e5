package dev.clauderelay.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The 1.1 additions keep what a plugin built against 1.0 relies on. */
class KeyPoolContractTest {

  @Test
  void theFourArgumentClassificationBindsTheWholeKey() {
    ErrorClassification whole =
        new ErrorClassification(ErrorClass.QUOTA_EXHAUSTED, 5, ErrorType.RATE_LIMIT, "used up");

    assertThat(whole.model()).isNull();
    assertThat(whole.modelScoped()).isFalse();
    assertThat(whole.forModel("gemini-2.5-pro").modelScoped()).isTrue();
    assertThat(whole.forModel("gemini-2.5-pro").untilEpochMillis()).isEqualTo(5);
  }

  @Test
  void onlyLimitsCanBeScopedToAModel() {
    ErrorClassification invalid =
        new ErrorClassification(ErrorClass.KEY_INVALID, 0, ErrorType.API, "refused", "m");
    ErrorClassification blank =
        new ErrorClassification(ErrorClass.RATE_LIMITED, 0, ErrorType.RATE_LIMIT, "slow", " ");

    assertThat(invalid.modelScoped()).isFalse();
    assertThat(blank.model()).isNull();
    assertThat(blank.modelScoped()).isFalse();
  }

  @Test
  void theFiveArgumentCandidateHasNoModelRequests() {
    assertThat(new KeyCandidate(1, 2, 3, 4, 5).modelRequests()).isZero();
  }

  @Test
  void aStrategyDeclaresNoQuotaWindowUnlessItAsks() {
    KeySelectionStrategy first =
        new KeySelectionStrategy() {
          @Override
          public String id() {
            return "first";
          }

          @Override
          public int select(KeyCandidates candidates, SelectionContext context) {
            return 0;
          }
        };

    assertThat(first.quotaWindowStart("m", 1_000)).isEqualTo(KeySelectionStrategy.NO_QUOTA_WINDOW);
  }

  @Test
  void theDefaultMaxWeightScansTheCandidates() {
    List<KeyCandidate> list =
        List.of(new KeyCandidate(1, 2, 0, 0, 0), new KeyCandidate(2, 7, 0, 0, 0));
    KeyCandidates candidates =
        new KeyCandidates() {
          @Override
          public int size() {
            return list.size();
          }

          @Override
          public KeyCandidate get(int index) {
            return list.get(index);
          }
        };

    assertThat(candidates.maxWeight()).isEqualTo(7);
  }
}
