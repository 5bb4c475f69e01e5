package dev.clauderelay.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerToolHistoryTest {

  @Test
  void searchResultsBecomeTitlesAndAddressesWithoutTheirEncryptedContent() {
    String text =
        ServerToolHistory.asText(
            Json.parse(
                """
                {"type":"web_search_tool_result","tool_use_id":"srvtoolu_1","content":[
                  {"type":"web_search_result","url":"https://a.example/x","title":"A",
                   "encrypted_content":"EqgfCioIARgBIiQ3","page_age":"2 days ago"},
                  {"type":"web_search_result","url":"https://b.example/","title":"B",
                   "encrypted_content":"Zm9v"}]}
                """));
    assertThat(text)
        .isEqualTo(
            "Web search results:\n- A <https://a.example/x> (2 days ago)\n- B <https://b.example/>")
        .doesNotContain("EqgfCioIARgBIiQ3");
  }

  @Test
  void aFetchedTextPageKeepsItsTextAndABinaryOneSaysItWasLeftOut() {
    String page =
        ServerToolHistory.asText(
            Json.parse(
                """
                {"type":"web_fetch_tool_result","tool_use_id":"srvtoolu_2","content":{
                  "type":"web_fetch_result","url":"https://a.example/doc","retrieved_at":"x",
                  "content":{"type":"document","title":"Doc",
                    "source":{"type":"text","media_type":"text/plain","data":"hello page"}}}}
                """));
    assertThat(page).isEqualTo("Fetched https://a.example/doc:\nDoc\nhello page");
    String pdf =
        ServerToolHistory.asText(
            Json.parse(
                """
                {"type":"web_fetch_tool_result","tool_use_id":"srvtoolu_3","content":{
                  "type":"web_fetch_result","url":"https://a.example/p.pdf",
                  "content":{"type":"document",
                    "source":{"type":"base64","media_type":"application/pdf","data":"JVBERi0x"}}}}
                """));
    assertThat(pdf).contains("application/pdf content left out").doesNotContain("JVBERi0x");
  }

  @Test
  void serverToolUsesAndErrorsAreShortMarkers() {
    assertThat(
            ServerToolHistory.asText(
                Json.parse(
                    "{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_1\",\"name\":\"web_search\","
                        + "\"input\":{\"query\":\"relay news\"}}")))
        .isEqualTo("[web_search: relay news]");
    assertThat(
            ServerToolHistory.asText(
                Json.parse(
                    "{\"type\":\"web_search_tool_result\",\"content\":{\"type\":"
                        + "\"web_search_tool_result_error\",\"error_code\":\"max_uses_exceeded\"}}")))
        .isEqualTo("[web_search failed: max_uses_exceeded]");
  }

  @Test
  void unknownServerToolResultsHaveNoTextAndLongPagesAreCut() {
    assertThat(
            ServerToolHistory.asText(
                Json.parse("{\"type\":\"code_execution_tool_result\",\"content\":{}}")))
        .isNull();
    assertThat(ServerToolHistory.isServerToolBlock("code_execution_tool_result")).isTrue();
    assertThat(ServerToolHistory.isServerToolBlock("tool_result")).isFalse();
    String big = "x".repeat(ServerToolHistory.MAX_TEXT_CHARS * 2);
    String text =
        ServerToolHistory.asText(
            Json.object()
                .put("type", "web_fetch_tool_result")
                .set(
                    "content",
                    Json.parse(
                        "{\"type\":\"web_fetch_result\",\"url\":\"u\",\"content\":{\"source\":"
                            + "{\"type\":\"text\",\"data\":\""
                            + big
                            + "\"}}}")));
    assertThat(text)
        .hasSizeLessThan(ServerToolHistory.MAX_TEXT_CHARS + 40)
        .endsWith("[cut by the relay]");
  }
}
