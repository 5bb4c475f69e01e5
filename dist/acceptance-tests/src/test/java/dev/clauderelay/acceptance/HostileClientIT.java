package dev.clauderelay.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile clients cannot open the admin API or take the relay down: the built relay, started once
 * with its defaults, attacked over HTTP and raw sockets. Every spelling of an admin path without a
 * session, unbounded and trickled bodies (gateway and console), a flood of large bodies from a
 * valid key, deep JSON, bodies on GET, forged {@code X-Forwarded-For}, and a client that hangs up
 * while the upstream thinks. Under each flood an ordinary request still answers within a second.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileClientIT {

  private static final String CLIENT_KEY = "rk-hostile-client-0123456789";
  private static final String ADMIN_PASSWORD = "hostile-client-admin-pass";
  private static final String HELLO =
      "{\"model\":\"claude-opus-5-5\",\"max_tokens\":8,"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @TempDir static Path temp;
  private static FakeAnthropic upstream;
  private static HoldingUpstream holding;
  private static RelayProcess relay;
  private static String token;
  private static String originalBaseUrl;

  @BeforeAll
  static void startTheRelayWithItsDefaults() throws Exception {
    upstream = new FakeAnthropic();
    holding = new HoldingUpstream();
    Path config = temp.resolve("relay.json");
    Files.writeString(
        config,
        """
        {"providers": [
           {"name": "claude", "kind": "anthropic", "baseUrl": "%1$s",
            "keys": ["sk-ant-hostile-000001"]},
           {"name": "thinking", "kind": "anthropic", "baseUrl": "%2$s",
            "keys": ["sk-ant-holding-000001"]}],
         "routes": [{"match": "claude-held", "provider": "thinking"}],
         "defaultRoute": {"provider": "claude"},
         "clientKeys": [{"name": "hostile", "key": "%3$s", "models": ["*"]}]}
        """
            .formatted(upstream.baseUrl(), holding.baseUrl(), CLIENT_KEY));
    relay =
        RelayProcess.start(
            temp.resolve("data"),
            Map.of("RELAY_CONFIG_FILE", config.toString(), "RELAY_ADMIN_PASSWORD", ADMIN_PASSWORD));
    assertThat(relay.awaitReady(Duration.ofSeconds(120))).as(relay.output()).isTrue();
    token = Http.signIn(relay.baseUrl(), ADMIN_PASSWORD);
    originalBaseUrl = providerNamed("claude").get("baseUrl").asText();
    for (int i = 0; i < 5; i++) {
      assertThat(message(HELLO).statusCode()).isEqualTo(200); // warm: the bounds are for attacks
    }
  }

  @AfterAll
  static void stopAll() throws Exception {
    if (relay != null) {
      relay.close();
    }
    if (upstream != null) {
      upstream.close();
    }
    if (holding != null) {
      holding.close();
    }
  }

  // ---- the admin API without a session -----------------------------------------------------

  static Stream<Arguments> adminSpellings() {
    List<String> targets =
        List.of(
            "/api/admin/config/export",
            "/api;x=1/admin/config/export",
            "/api/admin;x/config/export",
            "/api/admin/config;x=y/export",
            "/api/admin/config/export;x",
            "/api;/admin;/config;/export;",
            "/api/%61dmin/config/export",
            "/api/admin/%63onfig/export",
            "/%61pi/admin/config/export",
            "/api/admin%2Fconfig/export",
            "/api/admin%2fconfig%2fexport",
            "/api/admin%3Bx/config/export",
            "/api/admin%3bx/config/export",
            "/api/./admin/config/export",
            "/api/x/../admin/config/export",
            "/api/admin/config/./export",
            "/v1/../api/admin/config/export",
            "/health/../api/admin/config/export",
            "/api/admin/config/%2e%2e/config/export",
            "//api/admin/config/export",
            "/api//admin/config/export",
            "/api/admin//config/export",
            "/api/admin/config/export/",
            "/api/admin/config/export//",
            "/API/admin/config/export",
            "/api/ADMIN/config/export",
            "/api/admin/CONFIG/export",
            "/api/admin/config/export?x=1",
            "/api/admin/client-keys",
            "/api;x/admin/client-keys",
            "/api/admin;x/client-keys",
            "/api/admin/providers/1",
            "/api;x/admin/providers/1",
            "/api/admin;x/providers;x/1;x",
            "/api/admin/auth;x",
            "/api/admin/audit",
            "/api/admin/key-pool/1/keys",
            "/api/admin;x/key-pool/1/keys/batch",
            "/api/admin/dashboard");
    List<Arguments> cases = new ArrayList<>();
    for (String target : targets) {
      for (String method : List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
        cases.add(Arguments.of(method, target, null));
      }
      for (String override : List.of("GET", "PUT", "DELETE")) {
        cases.add(Arguments.of("POST", target, override));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} override={2}")
  @MethodSource("adminSpellings")
  @Order(1)
  void noSpellingOfAnAdminPathReachesItWithoutASession(
      String method, String target, String override) {
    String body =
        "{\"name\":\"intruder\",\"models\":[\"*\"],\"baseUrl\":\"http://127.0.0.1:9/steal\","
            + "\"kind\":\"anthropic\"}";
    RawHttp.Answer answer =
        RawHttp.send(
            relay.port,
            method,
            target,
            override == null ? "" : "X-HTTP-Method-Override: " + override + "\r\n",
            "GET".equals(method) || "HEAD".equals(method) ? null : body);
    assertThat(answer.status())
        .as("%s %s answered %s: %s", method, target, answer.status(), answer.body())
        .isIn(400, 401, 404, 405);
    assertThat(answer.body())
        .doesNotContain("providers")
        .doesNotContain("clientKeys")
        .doesNotContain("<application")
        .doesNotContain("<html");
    if (!answer.body().isEmpty()) {
      assertThat(Http.json(answer.body()).path("type").asText()).isEqualTo("error");
    }
  }

  @Test
  @Order(2)
  void noneOfThoseAttemptsChangedAnythingOrWasPutDownToAnAdmin() {
    JsonNode keys = Http.json(Http.get(relay.baseUrl() + "/api/admin/client-keys", token));
    assertThat(keys.toString()).doesNotContain("intruder");
    assertThat(providerNamed("claude").get("baseUrl").asText()).isEqualTo(originalBaseUrl);
    String audit = Http.get(relay.baseUrl() + "/api/admin/audit?limit=500", token).body();
    assertThat(audit).doesNotContain("intruder").doesNotContain("9/steal");
  }

  @Test
  void anonymousOptionsAndTheWadlDescribeNothing() {
    for (String target : List.of("/api/admin/providers", "/v1/models", "/", "/health")) {
      RawHttp.Answer options = RawHttp.send(relay.port, "OPTIONS", target, "", null);
      assertThat(options.body()).as(target).doesNotContain("<application").doesNotContain("wadl");
      assertThat(options.status()).as(target).isNotEqualTo(200);
    }
    assertThat(RawHttp.send(relay.port, "GET", "/application.wadl", "", null).status())
        .isEqualTo(404);
  }

  @Test
  void aGetWithABodyMeetsTheSessionCheckFirstAndThenIsServed() {
    RawHttp.Answer anonymous =
        RawHttp.send(relay.port, "GET", "/api/admin/dashboard", "", "{\"a\":1}");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.body()).contains("authentication_error");
    RawHttp.Answer signedIn =
        RawHttp.send(
            relay.port,
            "GET",
            "/api/admin/dashboard",
            "Authorization: Bearer " + token + "\r\n",
            "{\"a\":1}");
    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
  }

  @Test
  void aSignInNestedThousandsDeepIsA400NotA500() {
    String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
    HttpResponse<String> answer = Http.post(relay.baseUrl() + "/api/admin/auth", null, deep);
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("invalid_request_error").contains("deeper");
    assertNoStackTraceOrOutOfMemoryInTheLog();
  }

  @Test
  void theRelaySpeaksOnlyHttp1SoNoHttp2StreamGetsAroundItsBounds() throws Exception {
    RawHttp.Answer upgrade =
        RawHttp.send(
            relay.port,
            "GET",
            "/health",
            "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                + "HTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA\r\n",
            null);
    assertThat(upgrade.status()).as("an h2c upgrade is declined").isEqualTo(200);
    assertThat(upgrade.header("upgrade")).isNull();
    assertThat(upgrade.header("content-type")).isEqualTo("application/json");
    // The JDK's HTTP client asks for h2c by default: its streams keep their type and framing.
    String stream =
        "{\"model\":\"claude-opus-5-5\",\"max_tokens\":8,\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    RawHttp.Answer streamed =
        RawHttp.send(
            relay.port,
            "POST",
            "/v1/messages",
            "x-api-key: "
                + CLIENT_KEY
                + "\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                + "HTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA\r\n",
            stream);
    assertThat(streamed.status()).as(streamed.body()).isEqualTo(200);
    assertThat(streamed.header("content-type")).startsWith("text/event-stream");
    assertThat(streamed.header("transfer-encoding")).isEqualTo("chunked");
    // A chunked body with an upgrade cannot be read as sent: refused, and said why.
    try (Socket socket = RawHttp.connect(relay.port)) {
      socket
          .getOutputStream()
          .write(
              ("POST /v1/messages HTTP/1.1\r\nHost: x\r\nx-api-key: "
                      + CLIENT_KEY
                      + "\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                      + "Transfer-Encoding: chunked\r\n\r\n"
                      + Integer.toHexString(stream.length())
                      + "\r\n"
                      + stream
                      + "\r\n0\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      RawHttp.Answer chunked = RawHttp.read(socket.getInputStream(), true);
      assertThat(chunked.status()).isEqualTo(400);
      assertThat(chunked.body()).contains("invalid_request_error").contains("Upgrade");
    }
    try (Socket socket = RawHttp.connect(relay.port)) {
      socket.setSoTimeout(5_000);
      socket
          .getOutputStream()
          .write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] answer = socket.getInputStream().readNBytes(9);
      // An HTTP/2 server would answer with a SETTINGS frame (type 4 in the frame's fourth byte).
      assertThat(answer.length == 9 && answer[3] == 4)
          .as("an HTTP/2 preface is not answered in HTTP/2")
          .isFalse();
    }
    assertOrdinaryRequestAnswersWithinASecond();
  }

  // ---- bodies ------------------------------------------------------------------------------

  @Test
  void aHundredMegabyteSignInIsRefusedWhileItIsSentAndTheRelayStaysWell() throws Exception {
    long declared = 100L * 1024 * 1024;
    try (Socket socket = RawHttp.connect(relay.port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/admin/auth HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  + "Content-Length: "
                  + declared
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      CompletableFuture<Long> sent = CompletableFuture.supplyAsync(() -> sendZeros(out, declared));
      RawHttp.Answer answer = RawHttp.read(socket.getInputStream(), true);
      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.body()).contains("request_too_large").contains("64 KB");
      // The answer came before the body was in: refused while read, not after.
      assertThat(sent.isDone() ? sent.get() : 0L).isLessThan(declared);
    }
    // A chunked body declares nothing: it is refused as it passes the limit.
    try (Socket socket = RawHttp.connect(relay.port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          "POST /api/admin/auth HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[16 * 1024];
      for (int i = 0; i < 8; i++) {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(RawHttp.read(socket.getInputStream(), true).status()).isEqualTo(413);
    }
    assertOrdinaryRequestAnswersWithinASecond();
    assertThat(Http.get(relay.baseUrl() + "/health").statusCode()).isEqualTo(200);
    assertNoStackTraceOrOutOfMemoryInTheLog();
  }

  @Test
  void thirtyConcurrentLargeBodiesFromOneKeyAreBoundedByMemoryNotLetIntoIt() throws Exception {
    byte[] large = largeMessage(31 * 1024 * 1024);
    // A relay in service has run large bodies before: the flood meets compiled code, not the JIT.
    assertThat(message(new String(large, StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
    long rssBefore = rssMegabytes();
    ExecutorService senders = Executors.newFixedThreadPool(30);
    // Written on raw sockets, whole, whatever the relay answers meanwhile: the worst client, as a
    // relay that refuses a body still reads it to its end (so a plain client can read the answer).
    List<CompletableFuture<RawHttp.Answer>> answers = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      answers.add(CompletableFuture.supplyAsync(() -> sendWhole(large), senders));
    }
    long rssPeak = rssBefore;
    List<Long> ordinaryMillis = new ArrayList<>();
    while (!answers.stream().allMatch(CompletableFuture::isDone)) {
      rssPeak = Math.max(rssPeak, rssMegabytes());
      ordinaryMillis.add(ordinaryRequestMillis());
      Thread.sleep(200);
    }
    senders.shutdown();
    Map<Integer, Integer> byStatus = new ConcurrentHashMap<>();
    for (CompletableFuture<RawHttp.Answer> future : answers) {
      RawHttp.Answer answer = future.get();
      byStatus.merge(answer.status(), 1, Integer::sum);
      assertThat(answer.status()).as(answer.body()).isIn(200, 529);
      assertThat(Http.json(answer.body()).has("type")).isTrue(); // JSON, never an HTML page
      if (answer.status() == 529) {
        assertThat(answer.body()).contains("overloaded_error");
        assertThat(answer.header("retry-after")).isNotNull();
      }
    }
    Thread.sleep(2_000);
    long rssAfter = rssMegabytes();
    System.out.printf(
        "30 x 31 MB: answers %s; RSS before %d MB, peak %d MB, after %d MB; ordinary requests"
            + " meanwhile %s ms%n",
        byStatus, rssBefore, rssPeak, rssAfter, ordinaryMillis);
    assertThat(ordinaryMillis)
        .as("ordinary requests during the flood, ms")
        .allMatch(m -> m < 1_000);
    assertThat(byStatus.getOrDefault(200, 0)).isGreaterThan(0);
    assertThat(byStatus.getOrDefault(529, 0)).isGreaterThan(0);
    assertThat(heldBodyBytes()).isZero(); // every reservation came back
    assertThat(message(new String(large, StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
    assertNoStackTraceOrOutOfMemoryInTheLog();
  }

  /** Sends a message with {@code body} whole on its own connection, then reads the answer. */
  private static RawHttp.Answer sendWhole(byte[] body) {
    try (Socket socket = RawHttp.connect(relay.port)) {
      socket.setSoTimeout(120_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /v1/messages HTTP/1.1\r\nHost: x\r\nx-api-key: "
                  + CLIENT_KEY
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return RawHttp.read(socket.getInputStream(), true);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void twoHundredTricklingConnectionsStarveNobodyAndAreCutOff() throws Exception {
    List<String> heads =
        List.of(
            "POST /api/admin/auth HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 60000\r\n\r\n",
            "POST /v1/messages HTTP/1.1\r\nHost: x\r\nx-api-key: "
                + CLIENT_KEY
                + "\r\nContent-Length: 60000\r\n\r\n",
            "POST /admin/login.xhtml HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 60000\r\n\r\n");
    int stackLinesBefore = stackTraceLines();
    List<Socket> tricklers = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        Socket socket = RawHttp.connect(relay.port);
        socket.setSoTimeout(1_000);
        socket.getOutputStream().write(heads.get(i % 3).getBytes(StandardCharsets.US_ASCII));
        tricklers.add(socket);
      }
      List<Long> ordinaryMillis = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
      int cutOff = 0;
      while (System.nanoTime() < deadline && cutOff < tricklers.size()) {
        cutOff = 0;
        for (Socket socket : tricklers) {
          if (!trickle(socket)) {
            cutOff++;
          }
        }
        ordinaryMillis.add(assertOrdinaryRequestAnswersWithinASecond());
        assertThat(Http.get(relay.baseUrl() + "/health").statusCode()).isEqualTo(200);
        Thread.sleep(2_000);
      }
      System.out.printf(
          "200 trickling connections: %d cut off; ordinary requests meanwhile %s ms%n",
          cutOff, ordinaryMillis);
      assertThat(cutOff).as("connections the relay closed").isEqualTo(tricklers.size());
    } finally {
      for (Socket socket : tricklers) {
        socket.close();
      }
    }
    // One line per cut-off at most, and no stack trace for any of them.
    assertThat(stackTraceLines()).isEqualTo(stackLinesBefore);
  }

  // ---- the client hangs up -----------------------------------------------------------------

  @Test
  void aClientThatHangsUpBeforeTheUpstreamAnswersCancelsTheUpstreamAtOnce() throws Exception {
    for (boolean stream : List.of(false, true)) {
      int before = holding.closed().size();
      try (Socket client = RawHttp.connect(relay.port)) {
        String body =
            "{\"model\":\"claude-held\",\"max_tokens\":8,\"stream\":"
                + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        client
            .getOutputStream()
            .write(
                ("POST /v1/messages HTTP/1.1\r\nHost: x\r\nx-api-key: "
                        + CLIENT_KEY
                        + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length()
                        + "\r\n\r\n"
                        + body)
                    .getBytes(StandardCharsets.US_ASCII));
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(5))
            .until(() -> holding.received() > before);
      }
      long hungUp = System.nanoTime();
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .alias("the upstream of a " + (stream ? "stream" : "plain") + " request sees the hang-up")
          .until(() -> holding.closed().size() > before);
      long tookMillis = (holding.closed().get(before) - hungUp) / 1_000_000;
      assertThat(tookMillis).as("stream=%s", stream).isLessThan(3_000);
    }
    // What those requests held of the memory for bodies came back, though nobody was left to
    // answer.
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> heldBodyBytes() == 0);
  }

  private static long heldBodyBytes() {
    return Http.json(Http.get(relay.baseUrl() + "/health"))
        .get("requestBodies")
        .get("heldBytes")
        .asLong();
  }

  // ---- addresses ---------------------------------------------------------------------------

  @Test
  @Order(100) // last: it locks out this host's sign-ins for a while
  void aForgedForwardedForDoesNotDodgeTheSignInThrottle() {
    int throttled = 0;
    for (int i = 0; i < 8; i++) {
      HttpResponse<String> answer =
          send(
              HttpRequest.newBuilder(URI.create(relay.baseUrl() + "/api/admin/auth"))
                  .header("content-type", "application/json")
                  .header("X-Forwarded-For", "198.51.100." + (i + 1))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"username\":\"admin\",\"password\":\"guess-" + i + "\"}")));
      if (answer.statusCode() == 429) {
        throttled++;
      }
    }
    assertThat(throttled).as("attempts throttled though each named another address").isPositive();
  }

  // ---- helpers -----------------------------------------------------------------------------

  private static JsonNode providerNamed(String name) {
    for (JsonNode provider :
        Http.json(Http.get(relay.baseUrl() + "/api/admin/providers", token)).get("providers")) {
      if (name.equals(provider.get("name").asText())) {
        return provider;
      }
    }
    throw new AssertionError("no provider " + name);
  }

  private static HttpResponse<String> message(String body) {
    return send(
        HttpRequest.newBuilder(URI.create(relay.baseUrl() + "/v1/messages"))
            .header("x-api-key", CLIENT_KEY)
            .header("content-type", "application/json")
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Sends an ordinary request and asserts it is answered, well, within a second. */
  private static long assertOrdinaryRequestAnswersWithinASecond() {
    long millis = ordinaryRequestMillis();
    assertThat(millis).as("an ordinary request's time").isLessThan(1_000);
    return millis;
  }

  /** Sends an ordinary request, asserts it is answered well, and tells how long it took. */
  private static long ordinaryRequestMillis() {
    long started = System.nanoTime();
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(URI.create(relay.baseUrl() + "/v1/messages"))
                .header("x-api-key", CLIENT_KEY)
                .header("content-type", "application/json")
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(HELLO)));
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return millis;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    return send(CLIENT, request);
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] largeMessage(int size) {
    String head = "{\"model\":\"claude-opus-5-5\",\"max_tokens\":8,\"metadata\":{},\"pad\":\"";
    String tail = "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    return (head + "x".repeat(size - head.length() - tail.length()) + tail)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static long sendZeros(OutputStream out, long total) {
    byte[] zeros = new byte[64 * 1024];
    long sent = 0;
    try {
      while (sent < total) {
        out.write(zeros);
        sent += zeros.length;
      }
    } catch (IOException closed) {
      // the relay stopped taking it
    }
    return sent;
  }

  /** Sends one more byte; reads what the relay answered. Returns whether the line is still up. */
  private static boolean trickle(Socket socket) {
    if (socket.isClosed()) {
      return false;
    }
    try {
      InputStream in = socket.getInputStream();
      if (in.available() > 0 || socket.isInputShutdown()) {
        byte[] answer = in.readNBytes(in.available());
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        if (!text.isEmpty()) {
          assertThat(text).startsWith("HTTP/1.1 408").contains("timeout_error");
        }
      }
      socket.getOutputStream().write('{');
      socket.getOutputStream().flush();
      socket.setSoTimeout(1);
      try {
        if (in.read() < 0) {
          socket.close();
          return false;
        }
      } catch (java.net.SocketTimeoutException stillOpen) {
        // nothing to read: still open
      }
      return true;
    } catch (IOException e) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closed either way
      }
      return false;
    }
  }

  private static long rssMegabytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + relayJvmPid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException e) {
      // no /proc: not Linux
    }
    return -1;
  }

  /** The relay's JVM: bin/relay execs it, so it has the process's pid. */
  private static long relayJvmPid() {
    return relay.pid();
  }

  private static int stackTraceLines() {
    return (int) relay.output().lines().filter(l -> l.startsWith("\tat ")).count();
  }

  private static void assertNoStackTraceOrOutOfMemoryInTheLog() {
    assertThat(relay.output()).doesNotContain("OutOfMemoryError");
  }

  /**
   * An upstream that takes requests and never answers, noting when the relay hangs up on it: a
   * model that thinks for ever.
   */
  private static final class HoldingUpstream implements AutoCloseable {
    private final ServerSocket server;
    private final List<Long> closed = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger received =
        new java.util.concurrent.atomic.AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    HoldingUpstream() throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      threads.execute(this::accept);
    }

    String baseUrl() {
      return "http://127.0.0.1:" + server.getLocalPort();
    }

    int received() {
      return received.get();
    }

    List<Long> closed() {
      return closed;
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          threads.execute(() -> hold(socket));
        } catch (IOException e) {
          return;
        }
      }
    }

    private void hold(Socket socket) {
      try (socket) {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        boolean counted = false;
        int read;
        StringBuilder seen = new StringBuilder();
        while ((read = in.read(buffer)) >= 0) {
          seen.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
          if (!counted && seen.indexOf("\"messages\"") >= 0) {
            counted = true;
            received.incrementAndGet();
          }
        }
        closed.add(System.nanoTime());
      } catch (IOException e) {
        closed.add(System.nanoTime());
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      threads.shutdownNow();
      try {
        threads.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
