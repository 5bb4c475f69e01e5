package dev.clauderelay.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  @Test
  void refusesAFiftyMegabyteEventOnceItPassesTheBound() {
    SseEventParser parser = new SseEventParser();
    assertThat(parser.feed("data: {\"text\":\"".getBytes(StandardCharsets.UTF_8))).isEmpty();
    byte[] chunk = new byte[8 * 1024];
    java.util.Arrays.fill(chunk, (byte) 'a');
    long fed = 0;
    SseEventTooLargeException refused = null;
    while (fed < 50L * 1024 * 1024 && refused == null) {
      try {
        parser.feed(chunk);
        fed += chunk.length;
      } catch (SseEventTooLargeException e) {
        refused = e;
      }
    }

    assertThat(refused).as("refused before the event's end").isNotNull();
    assertThat(refused.maxEventBytes()).isEqualTo(SseEventParser.MAX_EVENT_BYTES);
    assertThat(fed).isLessThanOrEqualTo(SseEventParser.MAX_EVENT_BYTES);
  }

  @Test
  void boundsAnEventAcrossItsLinesAndKeepsTheEventsCompletedBeforeIt() {
    SseEventParser parser = new SseEventParser(40);
    byte[] stream =
        "data: first\n\ndata: 0123456789\ndata: 0123456789\ndata: 0123456789\n\n".getBytes();

    assertThatThrownBy(() -> parser.feed(stream))
        .isInstanceOfSatisfying(
            SseEventTooLargeException.class,
            e -> assertThat(e.completedEvents()).containsExactly(new SseEvent(null, "first")));
  }

  @Test
  void anEventOfExactlyTheBoundPassesWhateverItsLineEnds() {
    String event = "event: e\r\ndata: 12345\r\n\r\n";
    // Counted: each line's bytes and one byte per line end, \r\n as one.
    int counted = "event: e".length() + "data: 12345".length() + 3;

    assertThat(new SseEventParser(counted).feed(event.getBytes()))
        .containsExactly(new SseEvent("e", "12345"));
    assertThatThrownBy(() -> new SseEventParser(counted - 1).feed(event.getBytes()))
        .isInstanceOf(SseEventTooLargeException.class);
  }

  @Test
  void givesTheEventsOfRandomStreamsWhereverTheyAreCut() {
    Random streams = new Random(7);
    String[] lineEnds = {"\n", "\r\n", "\r"};
    String[] values = {"", "x", "{\"t\":\"h\u00e9llo \u4f60\u597d\"}", " lead", "a:b", "[DONE]"};
    for (int trial = 0; trial < 300; trial++) {
      StringBuilder stream = new StringBuilder();
      List<SseEvent> expected = new ArrayList<>();
      for (int e = 1 + streams.nextInt(5); e > 0; e--) {
        String end = lineEnds[streams.nextInt(lineEnds.length)];
        if (streams.nextBoolean()) {
          stream.append(": keep-alive").append(end);
        }
        String name = streams.nextBoolean() ? "e" + streams.nextInt(9) : null;
        if (name != null) {
          stream.append("event: ").append(name).append(end);
        }
        if (streams.nextBoolean()) {
          stream.append("id: 42").append(end);
        }
        List<String> lines = new ArrayList<>();
        for (int l = 1 + streams.nextInt(3); l > 0; l--) {
          String value = values[streams.nextInt(values.length)];
          lines.add(value);
          // the one space after the colon is optional, unless the value itself starts with one
          String field = streams.nextBoolean() || value.startsWith(" ") ? "data: " : "data:";
          stream.append(field).append(value).append(end);
        }
        stream.append(end);
        expected.add(new SseEvent(name, String.join("\n", lines)));
      }
      byte[] bytes = stream.toString().getBytes(StandardCharsets.UTF_8);
      SseEventParser parser = new SseEventParser();
      List<SseEvent> parsed = new ArrayList<>();
      int offset = 0;
      while (offset < bytes.length) {
        int length = Math.min(bytes.length - offset, 1 + streams.nextInt(40));
        parsed.addAll(parser.feed(java.nio.ByteBuffer.wrap(bytes, offset, length)));
        offset += length;
      }
      parsed.addAll(parser.finish());
      assertThat(parsed).as("trial %d: %s", trial, stream).isEqualTo(expected);
    }
  }

  @Test
  void readsALineLongerThanItsBufferAcrossManyChunks() {
    String text = "\u4f60".repeat(100_000);
    byte[] bytes = ("event: big\ndata: " + text + "\n\n").getBytes(StandardCharsets.UTF_8);
    SseEventParser parser = new SseEventParser();
    List<SseEvent> parsed = new ArrayList<>();
    for (int offset = 0; offset < bytes.length; offset += 1000) {
      byte[] chunk =
          java.util.Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + 1000));
      parsed.addAll(parser.feed(chunk));
    }

    assertThat(parsed).containsExactly(new SseEvent("big", text));
    assertThat(parser.feed("data: after\n\n".getBytes()))
        .containsExactly(new SseEvent(null, "after"));
  }
}
