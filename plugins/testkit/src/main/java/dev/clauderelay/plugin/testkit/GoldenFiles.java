package dev.clauderelay.plugin.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;

/**
 * Compares output with a golden file kept in the source tree. Run the tests with {@code
 * -Dgolden.update=true} to write the files instead (then review the diff before committing).
 * Volatile values (generated {@code msg_}/{@code toolu_} ids) are normalized on both sides.
 */
public final class GoldenFiles {

  private static final Pattern VOLATILE_IDS =
      Pattern.compile("\"(msg|toolu|call|srvtoolu)_[A-Za-z0-9_-]{6,}\"");

  private GoldenFiles() {}

  public static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  public static void assertMatches(Path golden, String actual) {
    String normalized = normalize(actual);
    try {
      if (updating()) {
        Files.createDirectories(golden.toAbsolutePath().getParent());
        Files.writeString(golden, normalized, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(golden)) {
        Assertions.fail(
            "Golden file " + golden + " is missing; run with -Dgolden.update=true to create it");
      }
      String expected = normalize(Files.readString(golden, StandardCharsets.UTF_8));
      Assertions.assertEquals(expected, normalized, "differs from golden file " + golden);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String normalize(String text) {
    return VOLATILE_IDS.matcher(text.replace("\r\n", "\n")).replaceAll("\"$1_NORMALIZED\"");
  }
}
