package dev.clauderelay.gateway.application.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/** Real Claude Code requests, recorded by the harness in ../shared/claude-code/fixtures. */
public final class ClaudeCodeFixtures {

  private ClaudeCodeFixtures() {}

  /** The body of Claude Code's first request in print mode, byte for byte as it was sent. */
  public static byte[] firstTurnBody() throws IOException {
    return body("/claude-code/01_messages_first_turn_print_mode.json");
  }

  static byte[] body(String resource) throws IOException {
    try (InputStream in = ClaudeCodeFixtures.class.getResourceAsStream(resource)) {
      JsonNode fixture = new ObjectMapper().readTree(in);
      JsonNode body = fixture.path("body");
      return new ObjectMapper().writeValueAsBytes(body);
    }
  }
}
