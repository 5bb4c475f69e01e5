package dev.clauderelay.plugins.responses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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

/** Reading fixture directories and running the transformer on them, shared by the tests. */
final class Cases {

  static final Path CASES = Path.of("src", "test", "resources", "cases");
  static final Path ERRORS = Path.of("src", "test", "resources", "errors");
  static final String REQUESTED_MODEL = "claude-opus-5-5";
  static final String MESSAGE_ID = "msg_relay_fixture";

  static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Cases() {}

  static Stream<Path> directories(Path root) {
    try (Stream<Path> listing = Files.list(root)) {
      return listing.filter(Files::isDirectory).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Path> streamCases() {
    return directories(CASES).filter(dir -> Files.exists(dir.resolve("upstream.sse")));
  }

  static TranslationContext context(String upstreamModel, boolean stream, Consumer<String> sink) {
    return new TranslationContext(REQUESTED_MODEL, upstreamModel, stream, MESSAGE_ID, sink);
  }

  static TranslationContext context(boolean stream) {
    return context("gpt-5.1", stream, sentence -> {});
  }

  static List<SseEvent> translate(StreamTranslator translator, List<SseEvent> upstream) {
    List<SseEvent> out = new ArrayList<>();
    for (SseEvent event : upstream) {
      out.addAll(translator.onEvent(event));
    }
    out.addAll(translator.onComplete());
    return out;
  }

  static JsonNode readJson(Path file) {
    try {
      return PRETTY.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode readJsonText(String json) {
    try {
      return PRETTY.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] readBytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String pretty(JsonNode node) {
    try {
      return PRETTY.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
