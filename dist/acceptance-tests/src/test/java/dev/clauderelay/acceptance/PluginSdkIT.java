package dev.clauderelay.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A third party's path, end to end: the template {@code plugins/example-provider} copied out of the
 * repository and built as an outside project (its own pom, the SDK from the local Maven repository
 * the reactor installed it in, offline); the relay started with broken jars in its plugins folder
 * (it starts and says why each failed); the built jar uploaded through the admin API and used at
 * once, without a restart, by a provider on a fake Acme upstream; hostile uploads refused; the
 * plugin disabled, refused removal while a provider uses it, and removed when forced.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginSdkIT {

  private static final String PASSWORD = "plugin-sdk-admin-pass";
  private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

  private Path temp;
  private Path plugins;
  private Path builtJar;
  private RelayProcess relay;
  private HttpServer acme;
  private final List<String> acmeBodies = new ArrayList<>();
  private String token;

  @BeforeAll
  void buildTheTemplateAndStartTheRelay() throws Exception {
    temp = Files.createTempDirectory("relay-plugin-sdk");
    builtJar = buildTemplateAsAnOutsideProject(temp.resolve("my-provider"));
    plugins = Files.createDirectories(temp.resolve("plugins"));
    try (Stream<Path> shipped = Files.list(RelayProcess.HOME.resolve("plugins"))) {
      for (Path jar : shipped.filter(p -> p.toString().endsWith(".jar")).toList()) {
        Files.copy(jar, plugins.resolve(jar.getFileName()));
      }
    }
    Files.writeString(plugins.resolve("corrupt.jar"), "this is not a zip");
    writeJar(
        plugins.resolve("future-plugin.jar"),
        Map.of("Plugin-Id", "future", "Plugin-Version", "3.0.0", "Plugin-Requires", "^2.0.0"),
        Map.of("META-INF/extensions.idx", "com.example.Future\n"));
    acme = fakeAcme();
    relay =
        RelayProcess.start(
            temp.resolve("data"),
            Map.of("RELAY_ADMIN_PASSWORD", PASSWORD, "RELAY_PLUGINS_DIR", plugins.toString()));
    assertThat(relay.awaitReady(Duration.ofSeconds(180))).as(relay.output()).isTrue();
    token = Http.signIn(relay.baseUrl(), PASSWORD);
  }

  @AfterAll
  void stop() throws Exception {
    if (relay != null) {
      relay.close();
    }
    if (acme != null) {
      acme.stop(0);
    }
  }

  @Test
  @Order(1)
  void theRelayStartsWithBrokenJarsAndSaysWhyEachFailed() {
    JsonNode catalog = Http.json(Http.get(relay.baseUrl() + "/api/admin/plugins", token));

    assertThat(catalog.get("apiVersion").asText()).matches("1\\.\\d+\\.\\d+");
    JsonNode corrupt = plugin(catalog, "corrupt.jar");
    assertThat(corrupt.get("state").asText()).isEqualTo("FAILED");
    assertThat(corrupt.get("error").asText()).contains("not a jar");
    JsonNode future = plugin(catalog, "future");
    assertThat(future.get("state").asText()).isEqualTo("FAILED");
    assertThat(future.get("error").asText())
        .contains("Plugin 'future'")
        .contains("^2.0.0")
        .contains("plugin API " + catalog.get("apiVersion").asText());
    assertThat(plugin(catalog, "openai").get("state").asText()).isEqualTo("STARTED");
  }

  @Test
  @Order(2)
  void onlyASignedInAdminMayUpload() throws IOException {
    HttpResponse<String> anonymous =
        Http.send(
            HttpRequest.newBuilder(URI.create(relay.baseUrl() + "/api/admin/plugins"))
                .header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(builtJar))));

    assertThat(anonymous.statusCode()).isIn(401, 413);
    assertThat(pluginIds()).doesNotContain("acme-chat");
  }

  @Test
  @Order(3)
  void hostileJarsAreRefusedWithAClearMessage() throws IOException {
    Path climbing = temp.resolve("climb.jar");
    writeJar(
        climbing,
        Map.of("Plugin-Id", "climb", "Plugin-Version", "1.0.0"),
        Map.of("META-INF/extensions.idx", "x.Y\n", "../../../../tmp/evil.txt", "owned"));
    HttpResponse<String> climb = upload(Files.readAllBytes(climbing));
    assertThat(climb.statusCode()).as(climb.body()).isEqualTo(400);
    assertThat(climb.body()).contains("unsafe name");

    Path bomb = temp.resolve("bomb.jar");
    try (OutputStream file = Files.newOutputStream(bomb);
        JarOutputStream out = new JarOutputStream(file, manifest(Map.of("Plugin-Id", "bomb")))) {
      out.putNextEntry(new ZipEntry("META-INF/extensions.idx"));
      out.write("x.Y\n".getBytes(StandardCharsets.UTF_8));
      out.putNextEntry(new ZipEntry("zeros"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 100; i++) {
        out.write(zeros);
      }
    }
    HttpResponse<String> exploded = upload(Files.readAllBytes(bomb));
    assertThat(exploded.statusCode()).as(exploded.body()).isEqualTo(400);
    assertThat(exploded.body()).contains("zip bomb");

    HttpResponse<String> notAJar = upload("hello".getBytes(StandardCharsets.UTF_8));
    assertThat(notAJar.statusCode()).isEqualTo(400);
    assertThat(Http.json(notAJar).path("error").path("message").asText()).isNotBlank();

    try (Stream<Path> files = Files.list(plugins)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.startsWith("climb") || name.startsWith("bomb"));
    }
    assertThat(Path.of("/tmp/evil.txt")).doesNotExist();
  }

  @Test
  @Order(3)
  void aGigabyteUploadIsRefusedWhileItIsSent() throws Exception {
    long declared = 1L << 30;
    try (Socket socket = RawHttp.connect(relay.port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/admin/plugins HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                  + token
                  + "\r\nContent-Type: application/java-archive\r\nContent-Length: "
                  + declared
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      CompletableFuture<Long> sent =
          CompletableFuture.supplyAsync(
              () -> {
                byte[] zeros = new byte[64 * 1024];
                long written = 0;
                try {
                  while (written < declared) {
                    out.write(zeros);
                    written += zeros.length;
                  }
                } catch (IOException e) {
                  // the relay refused and closed: expected
                }
                return written;
              });
      RawHttp.Answer answer = RawHttp.read(socket.getInputStream(), true);
      assertThat(answer.status()).isEqualTo(413);
      assertThat(sent.isDone() ? sent.get() : 0L).isLessThan(declared);
    }
    assertThat(pluginIds()).doesNotContain("acme-chat");
  }

  @Test
  @Order(4)
  void theTemplateBuiltOutsideIsUploadedAndServesAtOnce() throws IOException {
    HttpResponse<String> uploaded = upload(Files.readAllBytes(builtJar));
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    JsonNode plugin = Http.json(uploaded).get("plugin");
    assertThat(plugin.get("id").asText()).isEqualTo("acme-chat");
    assertThat(plugin.get("state").asText()).isEqualTo("STARTED");
    assertThat(plugin.get("jar").asText()).isEqualTo("acme-chat-1.0.0.jar");
    assertThat(plugins.resolve("acme-chat-1.0.0.jar")).exists();

    HttpResponse<String> again = upload(Files.readAllBytes(builtJar));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("installed already");

    admin(
        "/api/admin/providers",
        "{\"name\":\"acme\",\"kind\":\"openai\",\"transformer\":\"acme-chat\",\"baseUrl\":\"http://127.0.0.1:"
            + acme.getAddress().getPort()
            + "/v1\",\"models\":[\"acme-large\"]}");
    long providerId =
        Http.json(Http.get(relay.baseUrl() + "/api/admin/providers", token))
            .get("providers")
            .findValues("id")
            .stream()
            .mapToLong(JsonNode::asLong)
            .max()
            .orElseThrow();
    admin("/api/admin/providers/" + providerId + "/keys", "{\"key\":\"sk-acme-test-key-0000001\"}");
    admin("/api/admin/routes", "{\"match\":\"acme-*\",\"provider\":\"acme\"}");
    String clientKey = admin("/api/admin/client-keys", "{\"name\":\"sdk\"}").get("key").asText();

    HttpResponse<String> answer = message(clientKey, false);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(Http.json(answer).get("content").get(0).get("text").asText()).isEqualTo("Teal.");
    assertThat(acmeBodies).anySatisfy(body -> assertThat(body).contains("\"turns\""));

    HttpResponse<String> stream = message(clientKey, true);
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.body())
        .contains("event: message_start")
        .contains("\"text\":\"Te\"")
        .contains("\"stop_reason\":\"end_turn\"")
        .contains("event: message_stop");

    JsonNode listed =
        plugin(Http.json(Http.get(relay.baseUrl() + "/api/admin/plugins", token)), "acme-chat");
    assertThat(listed.get("usedBy").toString()).contains("acme");
  }

  @Test
  @Order(5)
  void aPluginInUseIsRemovedOnlyWhenForcedAndEveryChangeIsAudited() {
    HttpResponse<String> refused =
        Http.send(
            HttpRequest.newBuilder(URI.create(relay.baseUrl() + "/api/admin/plugins/acme-chat"))
                .header("Authorization", "Bearer " + token)
                .DELETE());
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("used by provider(s) acme").contains("force=true");

    HttpResponse<String> disabled =
        Http.post(relay.baseUrl() + "/api/admin/plugins/acme-chat/disable?force=true", token, "");
    assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
    assertThat(Http.json(disabled).get("plugin").get("state").asText()).isEqualTo("DISABLED");

    HttpResponse<String> enabled =
        Http.post(relay.baseUrl() + "/api/admin/plugins/acme-chat/enable", token, "");
    assertThat(Http.json(enabled).get("plugin").get("state").asText()).isEqualTo("STARTED");

    HttpResponse<String> removed =
        Http.send(
            HttpRequest.newBuilder(
                    URI.create(relay.baseUrl() + "/api/admin/plugins/acme-chat?force=true"))
                .header("Authorization", "Bearer " + token)
                .DELETE());
    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
    assertThat(plugins.resolve("acme-chat-1.0.0.jar")).doesNotExist();
    assertThat(pluginIds()).doesNotContain("acme-chat");

    String audit = Http.get(relay.baseUrl() + "/api/admin/audit", token).body();
    assertThat(audit)
        .contains("plugin.install")
        .contains("plugin.disable")
        .contains("plugin.enable")
        .contains("plugin.remove");
  }

  private HttpResponse<String> message(String clientKey, boolean stream) {
    return Http.send(
        HttpRequest.newBuilder(URI.create(relay.baseUrl() + "/v1/messages"))
            .header("x-api-key", clientKey)
            .header("content-type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"model\":\"acme-large\",\"max_tokens\":64,\"stream\":"
                        + stream
                        + ",\"messages\":[{\"role\":\"user\",\"content\":\"Name a colour.\"}]}")));
  }

  private HttpResponse<String> upload(byte[] jar) {
    return Http.send(
        HttpRequest.newBuilder(URI.create(relay.baseUrl() + "/api/admin/plugins"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/java-archive")
            .POST(HttpRequest.BodyPublishers.ofByteArray(jar)));
  }

  private JsonNode admin(String path, String json) {
    HttpResponse<String> response = Http.post(relay.baseUrl() + path, token, json);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 201);
    return Http.json(response);
  }

  private List<String> pluginIds() {
    List<String> ids = new ArrayList<>();
    Http.json(Http.get(relay.baseUrl() + "/api/admin/plugins", token))
        .get("plugins")
        .forEach(p -> ids.add(p.get("id").asText()));
    return ids;
  }

  private static JsonNode plugin(JsonNode catalog, String idOrJar) {
    for (JsonNode plugin : catalog.get("plugins")) {
      if (plugin.get("id").asText().equals(idOrJar) || plugin.get("jar").asText().equals(idOrJar)) {
        return plugin;
      }
    }
    throw new AssertionError("no plugin " + idOrJar + " in " + catalog);
  }

  /**
   * Copies the template out of the repository and builds it with the repository's Maven wrapper,
   * offline, against the SDK the reactor installed: nothing of the reactor's poms is in reach.
   */
  private static Path buildTemplateAsAnOutsideProject(Path project) throws Exception {
    Path template = REPOSITORY.resolve("plugins/example-provider");
    try (Stream<Path> files = Files.walk(template)) {
      for (Path source : files.filter(p -> !p.toString().contains("/target")).toList()) {
        Path target = project.resolve(template.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Path log = project.resolveSibling("template-build.log");
    Process build =
        new ProcessBuilder(
                REPOSITORY.resolve("mvnw").toString(),
                "-B",
                "-o",
                "-q",
                "-f",
                project.resolve("pom.xml").toString(),
                "package")
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(build.waitFor(6, TimeUnit.MINUTES)).as("the template builds in time").isTrue();
    assertThat(build.exitValue()).as(Files.readString(log)).isZero();
    Path jar = project.resolve("target/acme-chat-plugin-1.0.0.jar");
    assertThat(jar).exists();
    return jar;
  }

  private HttpServer fakeAcme() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    server.createContext("/v1/generate", this::generate);
    server.start();
    return server;
  }

  private void generate(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    synchronized (acmeBodies) {
      acmeBodies.add(body);
    }
    boolean stream = body.contains("\"stream\":true");
    String answer =
        stream
            ? "event: token\ndata: {\"text\":\"Te\"}\n\nevent: token\ndata: {\"text\":\"al.\"}\n\n"
                + "event: done\ndata: {\"finish\":\"complete\",\"tokens\":{\"prompt\":5,\"completion\":2}}\n\n"
            : "{\"id\":\"gen_1\",\"model\":\"acme-large\",\"text\":\"Teal.\",\"finish\":\"complete\","
                + "\"tokens\":{\"prompt\":5,\"completion\":2}}";
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .add("content-type", stream ? "text/event-stream" : "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Manifest manifest(Map<String, String> entries) {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Plugin-Version", "1.0.0");
    entries.forEach(main::putValue);
    return manifest;
  }

  private static void writeJar(Path jar, Map<String, String> manifest, Map<String, String> entries)
      throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest(manifest))) {
      for (var entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
  }
}
