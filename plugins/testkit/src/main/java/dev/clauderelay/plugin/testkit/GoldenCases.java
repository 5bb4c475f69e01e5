package dev.clauderelay.plugin.testkit;

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

/**
 * A plugin's golden case directories under {@code src/test/resources/cases} and what its tests do
 * with them: read the files, build a translation context, run a stream translator, print JSON the
 * way the golden files hold it.
 */
public final class GoldenCases {

  /** The case directories, relative to the plugin module (where Maven runs its tests). */
  public static final Path CASES = Path.of("src", "test", "resources", "cases");

  /** The model every case's client asked for. */
  public static final String REQUESTED_MODEL = "claude-opus-5-5";

  /** The message id every case's translated answer carries. */
  public static final String MESSAGE_ID = "msg_relay_fixture";

  /** Writes JSON as the golden files hold it: indented, fields in their order. */
  public static final ObjectMapper PRETTY =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private GoldenCases() {}

  /** The directories directly under {@code root}, sorted by name. */
  public static Stream<Path> directories(Path root) {
    try (Stream<Path> listing = Files.list(root)) {
      return listing.filter(Files::isDirectory).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The cases with a streamed upstream answer ({@code upstream.sse}). */
  public static Stream<Path> streamCases() {
    return directories(CASES).filter(dir -> Files.exists(dir.resolve("upstream.sse")));
  }

  /** A context for one case; {@code sink} receives the degradations reported. */
  public static TranslationContext context(
      String upstreamModel, boolean stream, Consumer<String> sink) {
    return new TranslationContext(REQUESTED_MODEL, upstreamModel, stream, MESSAGE_ID, sink);
  }

  /** What {@code translator} makes of {@code upstream}, its completion's events included. */
  public static List<SseEvent> translate(StreamTranslator translator, List<SseEvent> upstream) {
    List<SseEvent> out = new ArrayList<>();
    for (SseEvent event : upstream) {
      out.addAll(translator.onEvent(event));
    }
    out.addAll(translator.onComplete());
    return out;
  }

  public static JsonNode readJson(Path file) {
    try {
      return PRETTY.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode readJsonText(String json) {
    try {
      return PRETTY.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] readBytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code node} as a golden file holds it, with a final line end. */
  public static String pretty(JsonNode node) {
    try {
      return PRETTY.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
