package dev.clauderelay.gateway.application.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clauderelay.plugin.api.SseEventParser;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

  @Test
  void refusesAFiftyMegabyteEventOnceItPassesTheBoundNeverHoldingMore() {
    SseFramer framer = new SseFramer();
    byte[] chunk = new byte[8 * 1024];
    Arrays.fill(chunk, (byte) 'a');
    byte[] start =
        "event: content_block_delta\ndata: {\"text\":\"".getBytes(StandardCharsets.UTF_8);
    framer.feed(start, 0, start.length);
    long fed = start.length;
    long fiftyMegabytes = 50L * 1024 * 1024;
    SseFramer.EventTooLarge refused = null;
    while (fed < fiftyMegabytes && refused == null) {
      try {
        assertThat(framer.feed(chunk, 0, chunk.length)).isEmpty();
        fed += chunk.length;
        assertThat(framer.pendingBytes()).isLessThanOrEqualTo(SseEventParser.MAX_EVENT_BYTES);
      } catch (SseFramer.EventTooLarge e) {
        refused = e;
      }
    }

    assertThat(refused).as("refused before the event's end").isNotNull();
    assertThat(fed)
        .as("bytes taken before the refusal")
        .isLessThanOrEqualTo(SseEventParser.MAX_EVENT_BYTES)
        .isGreaterThan(SseEventParser.MAX_EVENT_BYTES - chunk.length);
    assertThat(refused.completedEvents()).isEmpty();
    assertThat(framer.pendingBytes()).isZero();
  }

  @Test
  void framesAFiftyMegabyteEventInLinearTimeWhenTheBoundAllowsIt() {
    int size = 50 * 1024 * 1024;
    SseFramer framer = new SseFramer(size + 1024);
    byte[] chunk = new byte[8 * 1024];
    Arrays.fill(chunk, (byte) 'a');
    byte[] start = "data: ".getBytes(StandardCharsets.US_ASCII);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuBefore = threads.getCurrentThreadCpuTime();

    List<byte[]> events = new ArrayList<>(framer.feed(start, 0, start.length));
    for (int fed = 0; fed < size; fed += chunk.length) {
      events.addAll(framer.feed(chunk, 0, chunk.length));
    }
    events.addAll(framer.feed("\n\n".getBytes(StandardCharsets.US_ASCII), 0, 2));
    long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;

    assertThat(events).hasSize(1);
    assertThat(events.get(0)).hasSize(start.length + size + 2);
    // Copying the pending bytes on every chunk, as before, costs minutes here; a single pass, well
    // under a second even on a busy machine.
    assertThat(cpuMillis).as("CPU ms for 50 MB in 8 KB chunks").isLessThan(5_000);
  }

  @Test
  void passesAnEventOfExactlyTheBoundAndRefusesOneByteMore() {
    byte[] event = "data: 0123456789\n\n".getBytes(StandardCharsets.US_ASCII);

    assertThat(new SseFramer(event.length).feed(event, 0, event.length)).containsExactly(event);
    assertThatThrownBy(() -> new SseFramer(event.length - 1).feed(event, 0, event.length))
        .isInstanceOf(SseFramer.EventTooLarge.class);
  }

  @Test
  void keepsTheWholeEventsAChunkCompletedBeforeTheOversizedOne() {
    SseFramer framer = new SseFramer(32);
    byte[] chunk =
        "event: ping\n\ndata: this event grows beyond thirty-two bytes"
            .getBytes(StandardCharsets.US_ASCII);

    SseFramer.EventTooLarge refused =
        catchThrowableOfType(
            SseFramer.EventTooLarge.class, () -> framer.feed(chunk, 0, chunk.length));

    assertThat(refused.completedEvents())
        .containsExactly("event: ping\n\n".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void givesTheSameEventsWhereverChunksAreCutInRandomStreamsOfAnySize() {
    Random streams = new Random(42);
    String[] lineEnds = {"\n", "\r\n", "\r"};
    for (int trial = 0; trial < 100; trial++) {
      ByteArrayOutputStream stream = new ByteArrayOutputStream();
      List<String> expected = new ArrayList<>();
      int events = 1 + streams.nextInt(6);
      for (int e = 0; e < events; e++) {
        String end = lineEnds[streams.nextInt(lineEnds.length)];
        String payload = "x".repeat(streams.nextInt(3000));
        String event = "event: e" + e + end + "data: " + payload + end + end;
        expected.add(event);
        stream.writeBytes(event.getBytes(StandardCharsets.UTF_8));
      }
      byte[] bytes = stream.toByteArray();
      for (long seed = 0; seed < 20; seed++) {
        assertThat(frame(bytes, new Random(trial * 1000 + seed)))
            .as("trial %d seed %d", trial, seed)
            .isEqualTo(expected);
      }
      assertThat(frame(bytes, null)).isEqualTo(expected);
    }
  }
}
