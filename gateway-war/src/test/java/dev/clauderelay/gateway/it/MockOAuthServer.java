package dev.clauderelay.gateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Claude's OAuth token endpoint as the tests need it: exchanges a code only when the PKCE verifier
 * matches the challenge the relay put in its authorize URL, refreshes tokens (new ones each time),
 * and refuses revoked refresh tokens with {@code invalid_grant}.
 */
final class MockOAuthServer implements AutoCloseable {

  static final String GOOD_CODE = "code-from-claude";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Set<String> challenges = ConcurrentHashMap.newKeySet();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger issued = new AtomicInteger();

  MockOAuthServer() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/v1/oauth/token", this::token);
    server.start();
  }

  String tokenUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/oauth/token";
  }

  /** The user signed in at an authorize URL carrying this challenge. */
  void expectChallenge(String challenge) {
    challenges.add(challenge);
  }

  /** Revokes every refresh token issued so far: the next refresh of any current account fails. */
  void revokeIssued() {
    for (int n = 1; n <= issued.get(); n++) {
      revoked.add(refreshToken(n));
    }
  }

  /** Tokens end with their serial number, so that even masked they tell apart. */
  static String accessToken(int n) {
    return "sk-ant-oat01-mock-access-abcdefghijklmnop-%04d".formatted(n);
  }

  static String refreshToken(int n) {
    return "sk-ant-ort01-mock-refresh-abcdefghijklmnop-%04d".formatted(n);
  }

  List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  private void token(HttpExchange exchange) throws IOException {
    JsonNode body = JSON.readTree(exchange.getRequestBody());
    requests.add(body);
    String grant = body.path("grant_type").asText();
    if ("authorization_code".equals(grant)) {
      String verifier = body.path("code_verifier").asText();
      if (!GOOD_CODE.equals(body.path("code").asText())
          || !challenges.contains(challenge(verifier))) {
        answer(
            exchange,
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":\"code or verifier mismatch\"}");
        return;
      }
    } else if ("refresh_token".equals(grant)) {
      if (revoked.contains(body.path("refresh_token").asText())) {
        answer(
            exchange,
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token revoked\"}");
        return;
      }
    } else {
      answer(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
      return;
    }
    int n = issued.incrementAndGet();
    answer(
        exchange,
        200,
        "{\"access_token\":\""
            + accessToken(n)
            + "\",\"refresh_token\":\""
            + refreshToken(n)
            + "\",\"expires_in\":3600,\"scope\":\"user:inference user:profile\","
            + "\"token_type\":\"Bearer\"}");
  }

  static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("content-type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
