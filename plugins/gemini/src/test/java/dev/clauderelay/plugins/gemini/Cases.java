package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.SseEvent;
import dev.clauderelay.plugin.api.StreamTranslator;
import dev.clauderelay.plugin.api.TranslationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** What the plugin's tests share: fixture directories, contexts, JSON reading and printing. */
final class Cases {

  static final Path CASES = Path.of("src/test/resources/cases");
  static final Path ERRORS = Path.of("src/test/resources/errors");
  static final String MESSAGE_ID = "msg_01GeminiRelayTest";
  static final String REQUESTED_MODEL = "claude-opus-5-5";
  static final String UPSTREAM_MODEL = "gemini-2.5-pro";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Cases() {}

  /** The case directories holding {@code file}, sorted by name. */
  static Stream<Path> withFile(Path root, String file) {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(dir -> Files.exists(dir.resolve(file))).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TranslationContext context(boolean stream, Consumer<String> degradations) {
    return new TranslationContext(
        REQUESTED_MODEL, UPSTREAM_MODEL, stream, MESSAGE_ID, degradations);
  }

  static TranslationContext context(boolean stream) {
    return context(stream, sentence -> {});
  }

  static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode readObject(Path file) {
    return (ObjectNode) read(file);
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static ObjectNode object(String json) {
    return (ObjectNode) parse(json);
  }

  static String pretty(JsonNode node) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Feeds every event, then completes, as the relay does with a stream that ends normally. */
  static List<SseEvent> translate(StreamTranslator translator, List<SseEvent> upstream) {
    List<SseEvent> out = new ArrayList<>();
    for (SseEvent event : upstream) {
      out.addAll(translator.onEvent(event));
    }
    out.addAll(translator.onComplete());
    return out;
  }
}
