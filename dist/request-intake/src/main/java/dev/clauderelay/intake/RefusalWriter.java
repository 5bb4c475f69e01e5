package dev.clauderelay.intake;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a refusal in the host's error shape. Called with the status and headers already set;
 * writes the content type and body.
 */
@FunctionalInterface
public interface RefusalWriter {

  void write(HttpServletResponse response, Refusal refusal, String message) throws IOException;

  /**
   * The relay's one error shape, Anthropic's: {@code
   * {"type":"error","error":{"type":...,"message":...}}}, with the error type Anthropic uses for
   * each refusal.
   */
  static RefusalWriter anthropicShaped() {
    return (response, refusal, message) -> {
      String type =
          switch (refusal) {
            case TOO_LARGE -> "request_too_large";
            case BUSY -> "overloaded_error";
            case TOO_SLOW -> "timeout_error";
            case FAILED -> "api_error";
          };
      byte[] body =
          ("{\"type\":\"error\",\"error\":{\"type\":\""
                  + type
                  + "\",\"message\":\""
                  + jsonEscaped(message)
                  + "\"}}")
              .getBytes(StandardCharsets.UTF_8);
      response.setContentType("application/json");
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    };
  }

  /** {@code text} as the inside of a JSON string. */
  private static String jsonEscaped(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
