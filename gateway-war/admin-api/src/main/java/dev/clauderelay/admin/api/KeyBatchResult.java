package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;

/** The answer of a batch: how many entries had each outcome, and each entry's result. */
public record KeyBatchResult(Summary summary, List<Item> results) implements Serializable {

  /** Entries by outcome. */
  public record Summary(
      int added,
      int duplicate,
      @JsonProperty("invalid_format") int invalidFormat,
      @JsonProperty("test_failed") int testFailed)
      implements Serializable {}

  /**
   * What became of one entry: {@code added}, {@code duplicate}, {@code invalid_format} or {@code
   * test_failed}. The masked {@code key} never holds the secret.
   *
   * @param line for a batch sent as {@code text}: the entry's line, 1-based (absent otherwise)
   * @param index for a batch sent as {@code keys}: the entry's position, 0-based (absent otherwise)
   * @param keyId the new key's id, when added
   * @param reason when not added: a stable code a console words in its own language ({@code
   *     in_pool}, {@code repeats}, {@code key_empty}, {@code key_length}, {@code key_characters},
   *     {@code invalid}, {@code upstream_refused}, {@code upstream_silent})
   * @param repeats for {@code repeats}: the earlier entry this one repeats
   * @param message when not added: the relay's English wording of the reason
   * @param upstream when tested: the upstream's answer
   */
  public record Item(
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer line,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer index,
      String key,
      @JsonProperty(required = true) String result,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long keyId,
      @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer repeats,
      @JsonInclude(JsonInclude.Include.NON_NULL) String message,
      @JsonInclude(JsonInclude.Include.NON_NULL) KeyProbe upstream)
      implements Serializable {

    public static final String ADDED = "added";

    public boolean added() {
      return ADDED.equals(result);
    }
  }
}
