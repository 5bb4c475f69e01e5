package dev.clauderelay.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SseEventParserTest {

  private static final String STREAM =
      "event: message_start\ndata: {\"type\":\"message_start\"}\n\n"
          + ": keep-alive\n\n"
          + "event: content_block_delta\r\ndata: {\"text\":\"h\u00e9llo \u4f60\u597d\"}\r\n\r\n"
          + "data: [DONE]\n\n";

  @Test
  void parsesNamedEventsCommentsCrLfAndUnnamedData() {
    List<SseEvent> events = new SseEventParser().feed(STREAM.getBytes(StandardCharsets.UTF_8));

    assertThat(events)
        .containsExactly(
            new SseEvent("message_start", "{\"type\":\"message_start\"}"),
            new SseEvent("content_block_delta", "{\"text\":\"h\u00e9llo \u4f60\u597d\"}"),
            new SseEvent(null, "[DONE]"));
  }

  @Test
  void givesTheSameEventsWhateverTheChunkBoundaries() {
    byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
    List<SseEvent> whole = new SseEventParser().feed(bytes);
    Random random = new Random(11);
    for (int trial = 0; trial < 200; trial++) {
      SseEventParser parser = new SseEventParser();
      List<SseEvent> pieces = new ArrayList<>();
      int offset = 0;
      while (offset < bytes.length) {
        int length = Math.min(bytes.length - offset, 1 + random.nextInt(7));
        byte[] chunk = new byte[length];
        System.arraycopy(bytes, offset, chunk, 0, length);
        pieces.addAll(parser.feed(chunk));
        offset += length;
      }
      pieces.addAll(parser.finish());
      assertThat(pieces).as("trial %d", trial).isEqualTo(whole);
    }
  }

  @Test
  void joinsMultiLineDataAndFlushesAnEventWithoutTheFinalBlankLine() {
    SseEventParser parser = new SseEventParser();

    assertThat(parser.feed("data: a\ndata: b\n\nevent: x\ndata: tail".getBytes()))
        .containsExactly(new SseEvent(null, "a\nb"));
    assertThat(parser.finish()).containsExactly(new SseEvent("x", "tail"));
  }

  @Test
  void aLoneCarriageReturnEndsALine() {
    assertThat(new SseEventParser().feed("data: one\r\rdata: two\r\r".getBytes()))
        .containsExactly(new SseEvent(null, "one"), new SseEvent(null, "two"));
  }
}
