package dev.clauderelay.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Claude's OAuth as a person meets it in the console: an authorize page that, once "signed in",
 * shows the {@code code#state} to paste back (and remembers the PKCE challenge it was opened with),
 * and a token endpoint that exchanges that code only for the verifier matching the challenge.
 */
final class MockClaudeOAuth implements AutoCloseable {

  static final String CODE = "code-from-claude";

  private final HttpServer server;
  private final Set<String> challenges = ConcurrentHashMap.newKeySet();
  private final AtomicInteger issued = new AtomicInteger();
  private final AtomicInteger exchanges = new AtomicInteger();

  MockClaudeOAuth() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
    server.createContext("/oauth/authorize", this::authorize);
    server.createContext("/v1/oauth/token", this::token);
    server.start();
  }

  String authorizeUrl() {
    return base() + "/oauth/authorize";
  }

  String tokenUrl() {
    return base() + "/v1/oauth/token";
  }

  /** How many codes were exchanged for tokens. */
  int exchanges() {
    return exchanges.get();
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI());
    String challenge = query.getOrDefault("code_challenge", "");
    if (!"S256".equals(query.get("code_challenge_method")) || challenge.isEmpty()) {
      answer(exchange, 400, "text/plain", "missing PKCE challenge");
      return;
    }
    challenges.add(challenge);
    String code = CODE + "#" + query.getOrDefault("state", "");
    answer(
        exchange,
        200,
        "text/html; charset=utf-8",
        "<!DOCTYPE html><html><body><h1>Authentication Code</h1>"
            + "<p>Paste this into Claude Relay:</p><code id=\"code\">"
            + code
            + "</code></body></html>");
  }

  private void token(HttpExchange exchange) throws IOException {
    JsonNode body = Http.JSON.readTree(exchange.getRequestBody());
    String grant = body.path("grant_type").asText();
    if ("authorization_code".equals(grant)) {
      if (!CODE.equals(body.path("code").asText())
          || !challenges.contains(challenge(body.path("code_verifier").asText()))) {
        answer(
            exchange,
            400,
            "application/json",
            "{\"error\":\"invalid_grant\",\"error_description\":\"code or verifier mismatch\"}");
        return;
      }
      exchanges.incrementAndGet();
    } else if (!"refresh_token".equals(grant)) {
      answer(exchange, 400, "application/json", "{\"error\":\"unsupported_grant_type\"}");
      return;
    }
    int n = issued.incrementAndGet();
    answer(
        exchange,
        200,
        "application/json",
        "{\"access_token\":\"sk-ant-oat01-console-access-"
            + n
            + "-abcdefghijklmnop\",\"refresh_token\":\"sk-ant-ort01-console-refresh-"
            + n
            + "-abcdefghijklmnop\",\"expires_in\":28800,\"scope\":\"user:inference user:profile\","
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

  private static Map<String, String> query(URI uri) {
    Map<String, String> query = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        query.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return query;
  }

  private static void answer(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("content-type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
