package dev.clauderelay.gateway.application.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.gateway.application.usage.ClientSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientSessionsTest {

  private static final String JSON_USER_ID =
      "{\"device_id\":\"0000000000000000000000000000000000000000000000000000000000000000\","
          + "\"account_uuid\":\"\",\"session_id\":\"11111111-2222-3333-4444-555555555555\"}";

  @Test
  void claudeCodesSessionHeaderKeysAffinityAheadOfTheUserId() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("X-Claude-Code-Session-Id", List.of("aaaaaaaa-0000-0000-0000-000000000001"));
    headers.put("x-claude-code-agent-id", List.of("agent-7"));
    headers.put("X-Claude-Code-Parent-Agent-Id", List.of("main"));

    ClientSession session = ClientSessions.of(headers, JSON_USER_ID);

    assertThat(session)
        .isEqualTo(
            new ClientSession(
                "aaaaaaaa-0000-0000-0000-000000000001",
                "agent-7",
                "main",
                "aaaaaaaa-0000-0000-0000-000000000001"));
  }

  @Test
  void withoutTheHeaderTheSessionInsideTheJsonUserIdIsUsed() {
    ClientSession session = ClientSessions.of(Map.of(), JSON_USER_ID);

    assertThat(session.sessionId()).isEqualTo("11111111-2222-3333-4444-555555555555");
    assertThat(session.affinityKey()).isEqualTo("11111111-2222-3333-4444-555555555555");
    assertThat(session.agentId()).isNull();
  }

  @Test
  void theOlderUserIdFormCarriesItsSessionAfterTheMark() {
    ClientSession session =
        ClientSessions.of(
            Map.of(), "user_abc123_account_0f0f_session_99999999-8888-7777-6666-555555555555");

    assertThat(session.sessionId()).isEqualTo("99999999-8888-7777-6666-555555555555");
  }

  @Test
  void aPlainUserIdStillKeysAffinityButNamesNoSession() {
    ClientSession session = ClientSessions.of(Map.of(), "alice");

    assertThat(session.sessionId()).isNull();
    assertThat(session.affinityKey()).isEqualTo("alice");
    assertThat(ClientSessions.of(Map.of(), null)).isSameAs(ClientSession.NONE);
  }

  @Test
  void overlongOrUnprintableIdsAndHugeOrBrokenUserIdsAreIgnored() {
    Map<String, List<String>> headers =
        Map.of(
            "x-claude-code-session-id", List.of("x".repeat(ClientSessions.MAX_ID_LENGTH + 1)),
            "x-claude-code-agent-id", List.of("bad id\n"));
    ClientSession session = ClientSessions.of(headers, "{\"session_id\": [1, {\"deep\": 2}");

    assertThat(session.sessionId()).isNull();
    assertThat(session.agentId()).isNull();
    String huge =
        "{\"pad\":\""
            + "p".repeat(ClientSessions.MAX_USER_ID_LENGTH)
            + "\",\"session_id\":\"s-1\"}";
    assertThat(ClientSessions.sessionInUserId(huge)).isNull();
    assertThat(ClientSessions.sessionInUserId("{\"session_id\":\"s-1\"}")).isEqualTo("s-1");
  }
}
