package dev.clauderelay.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a user gets it: unpacked with {@code tar}, it holds the same relay as the
 * folder the other tests run, and that relay starts and serves from wherever it was unpacked.
 */
class ReleaseArchiveIT {

  private static final Path ARCHIVE =
      Path.of(System.getProperty("relay.archive", "../target/claude-relay.tar.gz"))
          .toAbsolutePath()
          .normalize();

  @Test
  void theUnpackedArchiveIsTheRelayAndStartsFromWhereverItLies(@TempDir Path temp)
      throws Exception {
    requireArchive();
    Path unpacked = Files.createDirectories(temp.resolve("opt with space"));
    Process tar =
        new ProcessBuilder("tar", "-xzf", ARCHIVE.toString(), "-C", unpacked.toString())
            .redirectErrorStream(true)
            .start();
    String tarOutput = new String(tar.getInputStream().readAllBytes());
    assertThat(tar.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(tar.exitValue()).as(tarOutput).isZero();

    Path home;
    try (Stream<Path> top = Files.list(unpacked)) {
      home = top.collect(java.util.stream.Collectors.toList()).get(0);
    }
    assertThat(home.getFileName().toString()).startsWith("claude-relay-");
    assertThat(Files.isExecutable(home.resolve("bin/relay")))
        .as("bin/relay keeps its executable bit")
        .isTrue();
    assertThat(files(home))
        .as("the archive holds what dist/target/relay holds")
        .isEqualTo(files(RelayProcess.HOME));

    try (RelayProcess relay = RelayProcess.start(home, temp.resolve("data"), Map.of())) {
      assertThat(relay.awaitReady(Duration.ofSeconds(120))).as(relay.output()).isTrue();
      JsonNode health = Http.json(Http.get(relay.baseUrl() + "/health"));
      assertThat(health.get("status").asText()).isEqualTo("ok");
      long pluginJars;
      try (Stream<Path> plugins = Files.list(home.resolve("plugins"))) {
        pluginJars = plugins.filter(p -> p.toString().endsWith(".jar")).count();
      }
      assertThat(pluginJars).isGreaterThanOrEqualTo(3);
      assertThat(health.at("/plugins/loaded").asLong())
          .as("every plugin of the unpacked plugins folder is loaded")
          .isEqualTo(pluginJars);
      assertThat(Http.get(relay.baseUrl() + "/admin/").statusCode()).isEqualTo(200);
      assertThat(relay.stop()).isIn(0, 143);
    }
  }

  private static void requireArchive() {
    if (Files.isRegularFile(ARCHIVE)) {
      return;
    }
    String message =
        "No release archive at "
            + ARCHIVE
            + ": it was built with -DskipReleaseArchive; the archive test is skipped";
    if ("true".equals(System.getenv("RELAY_TEST_REQUIRE_ALL"))) {
      throw new AssertionError(message);
    }
    Assumptions.abort(message);
  }

  /** The regular files under a folder, as relative paths. */
  private static Set<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
  }
}
