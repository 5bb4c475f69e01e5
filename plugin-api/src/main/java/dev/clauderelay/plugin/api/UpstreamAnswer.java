package dev.clauderelay.plugin.api;

import java.util.List;
import java.util.Map;

/**
 * An upstream's error answer as the relay received it, for {@link
 * Transformer#classifyError(UpstreamAnswer)}.
 *
 * @param status the HTTP status
 * @param headers the response headers, names in lower case
 * @param body the response body (possibly empty, possibly not JSON)
 * @param receivedEpochMillis when the answer arrived, to turn relative delays into times
 */
public record UpstreamAnswer(
    int status, Map<String, List<String>> headers, byte[] body, long receivedEpochMillis) {

  /** The first value of a header, or {@code null}. */
  public String header(String lowerCaseName) {
    List<String> values = headers.get(lowerCaseName);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
