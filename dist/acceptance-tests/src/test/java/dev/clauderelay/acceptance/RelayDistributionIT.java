package dev.clauderelay.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a user starts it: first start, restart, {@code kill -9}, a broken plugins
 * folder, a malformed configuration file, an external database. Startup times are printed for the
 * record.
 */
class RelayDistributionIT {

  private static final Duration START = Duration.ofSeconds(120);

  @Test
  void firstStartPrintsAPasswordOnceAndARestartKeepsEverything(@TempDir Path temp)
      throws Exception {
    Path data = temp.resolve("data");
    String password;
    List<Long> startups = new ArrayList<>();
    try (RelayProcess relay = RelayProcess.start(data, Map.of())) {
      assertThat(relay.awaitReady(START)).as(relay.output()).isTrue();
      startups.add(relay.readyMillis());
      password = relay.generatedPassword();
      assertThat(password)
          .as("a generated admin password is printed at the first start")
          .hasSizeGreaterThanOrEqualTo(20);
      assertThat(relay.output()).contains("ANTHROPIC_BASE_URL=" + relay.baseUrl());

      JsonNode health = Http.json(Http.get(relay.baseUrl() + "/health"));
      assertThat(health.get("status").asText()).isEqualTo("ok");
      assertThat(health.at("/database/embedded").asBoolean()).isTrue();
      HttpResponse<String> console = Http.get(relay.baseUrl() + "/admin/");
      assertThat(console.statusCode()).isEqualTo(200);
      assertThat(console.body()).contains("Claude Relay").contains("password");

      HttpResponse<String> anonymous = Http.get(relay.baseUrl() + "/api/admin/plugins");
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(Http.json(anonymous).at("/error/type").asText()).isEqualTo("authentication_error");
      String token = Http.signIn(relay.baseUrl(), password);
      JsonNode plugins = Http.json(Http.get(relay.baseUrl() + "/api/admin/plugins", token));
      assertThat(plugins.toString())
          .contains("\"id\":\"strategies\"", "round-robin", "random", "least-used");
      HttpResponse<String> created =
          Http.post(
              relay.baseUrl() + "/api/admin/client-keys",
              token,
              "{\"name\":\"kept-across-restarts\"}");
      assertThat(created.statusCode()).isEqualTo(201);

      assertThat(relay.stop()).as("exit code after SIGTERM").isIn(0, 143);
    }
    assertNoDatabaseServerLeft(data);

    for (int restart = 0; restart < 2; restart++) {
      try (RelayProcess relay = RelayProcess.start(data, Map.of())) {
        assertThat(relay.awaitReady(START)).as(relay.output()).isTrue();
        startups.add(relay.readyMillis());
        assertThat(relay.generatedPassword()).as("the password is printed only once").isNull();
        String token = Http.signIn(relay.baseUrl(), password);
        assertThat(Http.get(relay.baseUrl() + "/api/admin/client-keys", token).body())
            .contains("kept-across-restarts");
      }
    }
    System.out.println(
        "STARTUP-TIMES-MS first="
            + startups.get(0)
            + " restarts="
            + startups.subList(1, startups.size()));
  }

  @Test
  void aKilledRelayLosesNoAdminDataAndStartsAgain(@TempDir Path temp) throws Exception {
    Path data = temp.resolve("data");
    Map<String, String> settings = Map.of("RELAY_ADMIN_PASSWORD", "acceptance-admin-pass");
    try (RelayProcess relay = RelayProcess.start(data, settings)) {
      assertThat(relay.awaitReady(START)).as(relay.output()).isTrue();
      String token = Http.signIn(relay.baseUrl(), "acceptance-admin-pass");
      HttpResponse<String> provider =
          Http.post(
              relay.baseUrl() + "/api/admin/providers",
              token,
              "{\"name\":\"survives-kill\",\"kind\":\"anthropic\",\"baseUrl\":\"http://127.0.0.1:9\"}");
      assertThat(provider.statusCode()).as(provider.body()).isEqualTo(201);
      relay.kill();
    }
    try (RelayProcess relay = RelayProcess.start(data, settings)) {
      assertThat(relay.awaitReady(START)).as(relay.output()).isTrue();
      String token = Http.signIn(relay.baseUrl(), "acceptance-admin-pass");
      assertThat(Http.get(relay.baseUrl() + "/api/admin/providers", token).body())
          .contains("survives-kill");
    }
    assertNoDatabaseServerLeft(data);
  }

  @Test
  void aKilledRelayKeepsKeyStatesCountersAndTheLastAdminActions(@TempDir Path temp)
      throws Exception {
    Path data = temp.resolve("data");
    Path config = temp.resolve("relay.json");
    String limitedKey = "sk-acceptance-limited-0001";
    String fineKey = "sk-acceptance-fine-0002";
    try (FakeAnthropic upstream = new FakeAnthropic(Set.of(limitedKey))) {
      Files.writeString(
          config,
          "{\"providers\":[{\"name\":\"claude\",\"kind\":\"anthropic\",\"baseUrl\":\""
              + upstream.baseUrl()
              + "\",\"keys\":[\""
              + limitedKey
              + "\",\""
              + fineKey
              + "\"],\"strategy\":\"round-robin\"}],\"defaultRoute\":{\"provider\":\"claude\"},"
              + "\"clientKeys\":[{\"name\":\"t\",\"key\":\"rk-acceptance-kill-0123456789\","
              + "\"models\":[\"*\"]}]}");
      Map<String, String> settings = configuredBy(config);
      int sent = 6;
      String pool;
      String issuedKey;
      try (RelayProcess relay = RelayProcess.start(data, settings)) {
        assertThat(relay.awaitReady(START)).as(relay.output()).isTrue();
        for (int i = 0; i < sent; i++) {
          assertThat(message(relay, "rk-acceptance-kill-0123456789").statusCode()).isEqualTo(200);
        }
        String token = Http.signIn(relay.baseUrl(), "acceptance-admin-pass");
        long providerId =
            Http.json(Http.get(relay.baseUrl() + "/api/admin/providers", token))
                .get("providers")
                .get(0)
                .get("id")
                .asLong();
        pool = relay.baseUrl() + "/api/admin/key-pool/" + providerId;
        // Counters reach the database in batches, every few seconds: wait for one.
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .untilAsserted(
                () -> {
                  try (var db = EmbeddedDatabaseAccess.connect(data, relay.output());
                      var sql = db.createStatement();
                      var rows = sql.executeQuery("SELECT SUM(total_requests) FROM provider_key")) {
                    rows.next();
                    assertThat(rows.getLong(1)).isEqualTo(sent + 1L);
                  }
                });
        // The admin's last actions, then the kill at once: these must not wait for any batch.
        HttpResponse<String> added =
            Http.post(pool + "/keys", token, "{\"key\":\"sk-acceptance-added-0003\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        HttpResponse<String> disabled =
            Http.send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(pool + "/keys/" + Http.json(added).get("id").asLong()))
                    .header("Authorization", "Bearer " + token)
                    .header("content-type", "application/json")
                    .PUT(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"status\":\"disabled\"}")));
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        HttpResponse<String> issued =
            Http.post(
                relay.baseUrl() + "/api/admin/client-keys",
                token,
                "{\"name\":\"issued-before-kill\",\"models\":[\"*\"]}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        issuedKey = Http.json(issued).get("key").asText();
        relay.kill();
      }

      try (RelayProcess relay = RelayProcess.start(data, settings)) {
        assertThat(relay.awaitReady(START)).as(relay.output()).isTrue();
        String token = Http.signIn(relay.baseUrl(), "acceptance-admin-pass");
        JsonNode keys =
            Http.json(Http.get(pool.replaceFirst("^http://[^/]+", relay.baseUrl()), token))
                .get("keys")
                .get("items");
        Map<String, JsonNode> byMask = new java.util.HashMap<>();
        keys.forEach(k -> byMask.put(k.get("key").asText(), k));
        JsonNode limited = find(byMask, "0001");
        assertThat(limited.get("status").asText()).isEqualTo("cooling_down");
        assertThat(java.time.Instant.parse(limited.get("statusUntil").asText()))
            .isAfter(java.time.Instant.now().plusSeconds(300));
        assertThat(limited.get("requests").asLong()).isEqualTo(1);
        JsonNode fine = find(byMask, "0002");
        assertThat(fine.get("status").asText()).isEqualTo("active");
        assertThat(fine.get("requests").asLong()).isEqualTo(sent);
        assertThat(fine.get("successes").asLong()).isEqualTo(sent);
        assertThat(find(byMask, "0003").get("status").asText()).isEqualTo("disabled");
        // The resting key still gets nothing, and the key issued just before the kill works.
        assertThat(message(relay, issuedKey).statusCode()).isEqualTo(200);
        assertThat(upstream.served()).isEqualTo(sent + 1);
      }
    }
    assertNoDatabaseServerLeft(data);
  }

  private static JsonNode find(Map<String, JsonNode> byMask, String ending) {
    return byMask.entrySet().stream()
        .filter(e -> e.getKey().endsWith(ending))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no key ending in " + ending + ": " + byMask.keySet()));
  }

  private static HttpResponse<String> message(RelayProcess relay, String clientKey) {
    return Http.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(relay.baseUrl() + "/v1/messages"))
            .header("x-api-key", clientKey)
            .header("content-type", "application/json")
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    "{\"model\":\"claude-opus-5-5\",\"max_tokens\":8,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));
  }

  @Test
  void twoPluginsDeclaringOneExtensionIdStartTheRelayWithTheSecondRefusedNamingBoth(
      @TempDir Path temp) throws Exception {
    Path plugins = Files.createDirectories(temp.resolve("plugins"));
    Path original;
    try (Stream<Path> jars = Files.list(RelayProcess.HOME.resolve("plugins"))) {
      original =
          jars.filter(p -> p.getFileName().toString().startsWith("strategies-plugin"))
              .findFirst()
              .orElseThrow();
    }
    Files.copy(original, plugins.resolve(original.getFileName()));
    withPluginId(original, plugins.resolve("strategies-copy.jar"), "strategies-copy");

    try (RelayProcess relay =
        RelayProcess.start(
            temp.resolve("data"),
            Map.of(
                "RELAY_PLUGINS_DIR",
                plugins.toString(),
                "RELAY_ADMIN_PASSWORD",
                "x-admin-pass-123"))) {
      assertThat(relay.awaitReady(START.multipliedBy(2))).as(relay.output()).isTrue();
      String token = Http.signIn(relay.baseUrl(), "x-admin-pass-123");
      String catalog = Http.get(relay.baseUrl() + "/api/admin/plugins", token).body();
      // Jars load in name order: strategies-copy.jar first, so the original is the one refused.
      assertThat(catalog)
          .contains("\"state\":\"FAILED\"")
          .contains("Plugin 'strategies' declares the KeySelectionStrategy")
          .contains("plugin 'strategies-copy' (strategies-copy.jar) already declares");
    }
  }

  @Test
  void aMalformedConfigurationFileStopsTheStartNamingTheFileThePathAndTheProblem(@TempDir Path temp)
      throws Exception {
    Path config = temp.resolve("relay.json");
    Files.writeString(
        config,
        "{\"providers\":[{\"name\":\"claude\",\"kind\":\"anthropic\",\"baseUrl\":\"http://127.0.0.1:9\"},"
            + "{\"name\":\"other\",\"kind\":\"azure\",\"baseUrl\":\"http://127.0.0.1:9\"}]}");

    try (RelayProcess relay =
        RelayProcess.start(
            temp.resolve("data"),
            Map.of(
                "RELAY_CONFIG_FILE",
                config.toString(),
                "RELAY_ADMIN_PASSWORD",
                "x-admin-pass-123"))) {
      assertThat(relay.awaitExit(START)).isNotZero();
      assertThat(relay.output())
          .contains("Claude Relay cannot start")
          .contains(config.toString())
          .contains("providers[1].kind")
          .contains("azure");
    }
  }

  @Test
  void usesAnExternalMariaDbWhenConfiguredAndStartsNoServer(@TempDir Path temp) throws Exception {
    String url = System.getenv("RELAY_TEST_DB_URL");
    if (url == null || url.isBlank()) {
      String message = "RELAY_TEST_DB_URL is not set: the external-database start is skipped";
      if ("true".equals(System.getenv("RELAY_TEST_REQUIRE_ALL"))) {
        throw new AssertionError(message);
      }
      Assumptions.abort(message);
    }
    String database = "relay_acceptance";
    String user = System.getenv().getOrDefault("RELAY_TEST_DB_USER", "root");
    String password = System.getenv().getOrDefault("RELAY_TEST_DB_PASSWORD", "");
    try (var connection = java.sql.DriverManager.getConnection(url, user, password);
        var sql = connection.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + database);
      sql.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
    String relayUrl = url.replaceFirst("(//[^/?]+)(/[^?]*)?", "$1/" + database);
    try (RelayProcess relay =
        RelayProcess.start(
            temp.resolve("data"),
            Map.of(
                "RELAY_DB_URL",
                relayUrl,
                "RELAY_DB_USER",
                user,
                "RELAY_DB_PASSWORD",
                password,
                "RELAY_ADMIN_PASSWORD",
                "x-admin-pass-123"))) {
      assertThat(relay.awaitReady(START)).as(relay.output()).isTrue();
      JsonNode health = Http.json(Http.get(relay.baseUrl() + "/health"));
      assertThat(health.at("/database/status").asText()).isEqualTo("up");
      assertThat(health.at("/database/embedded").asBoolean()).isFalse();
      assertThat(relay.output()).contains("external (RELAY_DB_URL)");
      assertThat(temp.resolve("data").resolve("mariadb")).doesNotExist();
    }
  }

  @Test
  void aCleanStopFinishesStreamsInFlightLosesNoUsageAndHealthSaysDownWhenTheDatabaseDies(
      @TempDir Path temp) throws Exception {
    Path data = temp.resolve("data");
    Path config = temp.resolve("relay.json");
    try (FakeAnthropic upstream = new FakeAnthropic()) {
      Files.writeString(
          config,
          "{\"providers\":[{\"name\":\"claude\",\"kind\":\"anthropic\",\"baseUrl\":\""
              + upstream.baseUrl()
              + "\",\"keys\":[\"sk-acceptance-0000001\"]}],\"defaultRoute\":{\"provider\":\"claude\"},"
              + "\"clientKeys\":[{\"name\":\"t\",\"key\":\"rk-acceptance-usage-0123456789\",\"models\":[\"*\"]}]}");
      Map<String, String> settings = configuredBy(config);
      int sent = 40;
      String firstRun;
      try (RelayProcess relay = RelayProcess.start(data, settings)) {
        assertThat(relay.awaitReady(START)).as(relay.output()).isTrue();
        for (int i = 0; i < sent; i++) {
          assertThat(message(relay, "claude-opus-5-5", false).statusCode()).isEqualTo(200);
        }
        // A stream halfway through when the stop comes runs to its end.
        CompletableFuture<HttpResponse<String>> inFlight =
            CompletableFuture.supplyAsync(
                () -> message(relay, FakeAnthropic.SLOW_STREAM_MODEL, true));
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> upstream.slowStreamsStarted() == 1);
        // SIGTERM at once: what the relay holds in memory must reach the database first.
        CompletableFuture<Integer> stopped =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return relay.stop();
                  } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                });
        // While it finishes, it says so to load balancers and turns new requests away.
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () -> {
                  HttpResponse<String> health = Http.get(relay.baseUrl() + "/health");
                  assertThat(health.statusCode()).isEqualTo(503);
                  assertThat(Http.json(health).get("status").asText()).isEqualTo("stopping");
                });
        HttpResponse<String> refused = message(relay, "claude-opus-5-5", false);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(529);
        assertThat(Http.json(refused).at("/error/type").asText()).isEqualTo("overloaded_error");
        assertThat(Http.json(refused).at("/error/message").asText()).contains("stopping");

        HttpResponse<String> stream = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.body())
            .contains("\"text\":\"pong\"")
            .endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        assertThat(stopped.get(60, TimeUnit.SECONDS)).isIn(0, 143);
        firstRun = relay.output();
        assertThat(firstRun).contains("Finishing 1 request(s) in flight");
      }
      sent++; // the stream
      assertThat(upstream.served()).isEqualTo(sent);

      try (RelayProcess relay = RelayProcess.start(data, settings)) {
        assertThat(relay.awaitReady(START)).as(relay.output()).isTrue();
        try (var db = EmbeddedDatabaseAccess.connect(data, relay.output());
            var sql = db.createStatement();
            var rows =
                sql.executeQuery(
                    "SELECT COUNT(*), SUM(input_tokens), SUM(output_tokens), SUM(status = 529)"
                        + " FROM request_log")) {
          rows.next();
          assertThat(rows.getInt(1))
              .as("requests logged, the refused one too; the stopped relay said:%n%s", firstRun)
              .isEqualTo(sent + 1);
          assertThat(rows.getLong(2)).isEqualTo(7L * sent);
          assertThat(rows.getLong(3)).isEqualTo(3L * sent);
          assertThat(rows.getInt(4)).as("the request refused while stopping").isOne();
        }

        long pid =
            Long.parseLong(
                Files.readString(data.resolve("mariadb/data/relay-mariadb.pid")).strip());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () -> {
                  HttpResponse<String> health = Http.get(relay.baseUrl() + "/health");
                  assertThat(health.statusCode()).isEqualTo(503);
                  assertThat(Http.json(health).get("status").asText()).isEqualTo("down");
                });
      }
    }
  }

  /** A message to the relay with the usage test's client key. */
  private static HttpResponse<String> message(RelayProcess relay, String model, boolean stream) {
    return Http.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(relay.baseUrl() + "/v1/messages"))
            .header("x-api-key", "rk-acceptance-usage-0123456789")
            .header("content-type", "application/json")
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    "{\"model\":\""
                        + model
                        + "\",\"max_tokens\":8,\"stream\":"
                        + stream
                        + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));
  }

  /**
   * The settings of a relay that applies {@code config} and signs admins in with a known password.
   */
  private static Map<String, String> configuredBy(Path config) {
    return Map.of(
        "RELAY_CONFIG_FILE", config.toString(), "RELAY_ADMIN_PASSWORD", "acceptance-admin-pass");
  }

  /** No MariaDB server of this data directory is still running. */
  private static void assertNoDatabaseServerLeft(Path data) throws IOException {
    Path pidFile = data.resolve("mariadb/data/relay-mariadb.pid");
    if (Files.exists(pidFile)) {
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
          .as("MariaDB (pid %d) still running after the relay stopped", pid)
          .isFalse();
    }
  }

  /** A copy of a plugin jar under another plugin id: a second plugin with the same extensions. */
  private static void withPluginId(Path source, Path target, String pluginId) throws IOException {
    try (JarFile jar = new JarFile(source.toFile())) {
      Manifest manifest = new Manifest(jar.getManifest());
      manifest.getMainAttributes().putValue("Plugin-Id", pluginId);
      try (OutputStream file = Files.newOutputStream(target);
          JarOutputStream out = new JarOutputStream(file, manifest)) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          JarEntry entry = entries.nextElement();
          if (entry.getName().equals("META-INF/MANIFEST.MF")) {
            continue;
          }
          out.putNextEntry(new JarEntry(entry.getName()));
          try (InputStream in = jar.getInputStream(entry)) {
            in.transferTo(out);
          }
          out.closeEntry();
        }
      }
    }
  }
}
