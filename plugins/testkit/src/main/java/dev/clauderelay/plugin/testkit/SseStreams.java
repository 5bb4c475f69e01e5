package dev.clauderelay.plugin.testkit;

import dev.clauderelay.plugin.api.SseEvent;
import dev.clauderelay.plugin.api.SseEventParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** SSE fixtures: reading them, writing them, and cutting them at random offsets. */
public final class SseStreams {

  private SseStreams() {}

  public static List<SseEvent> read(Path file) {
    try {
      return parse(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<SseEvent> parse(byte[] bytes) {
    SseEventParser parser = new SseEventParser();
    List<SseEvent> events = new ArrayList<>(parser.feed(bytes));
    events.addAll(parser.finish());
    return events;
  }

  /** The events in wire form, as the relay writes them. */
  public static String toWire(List<SseEvent> events) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (SseEvent event : events) {
      out.writeBytes(event.toWire());
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Parses {@code bytes} delivered in chunks cut at random offsets (seeded): a stream translator
   * fed these events must produce the same output as when fed the whole stream.
   */
  public static List<SseEvent> parseInRandomChunks(byte[] bytes, long seed) {
    Random random = new Random(seed);
    SseEventParser parser = new SseEventParser();
    List<SseEvent> events = new ArrayList<>();
    int offset = 0;
    while (offset < bytes.length) {
      int length = Math.min(bytes.length - offset, 1 + random.nextInt(64));
      byte[] chunk = new byte[length];
      System.arraycopy(bytes, offset, chunk, 0, length);
      events.addAll(parser.feed(chunk));
      offset += length;
    }
    events.addAll(parser.finish());
    return events;
  }
}
