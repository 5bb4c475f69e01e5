package dev.clauderelay.gateway.application.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SseFramerTest {

  private static final String STREAM =
      "event: message_start\ndata: {\"a\":1}\n\n"
          + ": ping\n\n"
          + "event: content_block_delta\r\ndata: {\"t\":\"\u4f60\u597d\"}\r\n\r\n"
          + "event: x\rdata: y\r\r"
          + "event: message_stop\ndata: {}\n\n";

  private static List<String> frame(byte[] bytes, Random random) {
    SseFramer framer = new SseFramer();
    List<String> events = new ArrayList<>();
    int offset = 0;
    while (offset < bytes.length) {
      int length =
          random == null ? bytes.length : Math.min(bytes.length - offset, 1 + random.nextInt(9));
      framer
          .feed(bytes, offset, length)
          .forEach(e -> events.add(new String(e, StandardCharsets.UTF_8)));
      offset += length;
    }
    framer.finish().forEach(e -> events.add(new String(e, StandardCharsets.UTF_8)));
    return events;
  }

  @Test
  void cutsAStreamIntoWholeEventsKeepingEveryByte() {
    List<String> events = frame(STREAM.getBytes(StandardCharsets.UTF_8), null);

    assertThat(events)
        .containsExactly(
            "event: message_start\ndata: {\"a\":1}\n\n",
            ": ping\n\n",
            "event: content_block_delta\r\ndata: {\"t\":\"\u4f60\u597d\"}\r\n\r\n",
            "event: x\rdata: y\r\r",
            "event: message_stop\ndata: {}\n\n");
    assertThat(String.join("", events)).isEqualTo(STREAM);
  }

  @Test
  void givesTheSameEventsWhereverChunksAreCut() {
    byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
    List<String> whole = frame(bytes, null);
    for (long seed = 0; seed < 300; seed++) {
      assertThat(frame(bytes, new Random(seed))).as("seed %d", seed).isEqualTo(whole);
    }
  }

  @Test
  void holdsBackAnEventTheUpstreamDidNotFinish() {
    SseFramer framer = new SseFramer();
    byte[] bytes = "event: a\ndata: 1\n\nevent: b\ndata: {\"cut".getBytes(StandardCharsets.UTF_8);

    assertThat(framer.feed(bytes, 0, bytes.length)).hasSize(1);
    assertThat(framer.hasPartialEvent()).isTrue();
    assertThat(framer.finish()).isEmpty();
  }
}
