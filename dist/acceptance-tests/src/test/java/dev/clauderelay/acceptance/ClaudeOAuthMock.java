package dev.clauderelay.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Claude's OAuth token endpoint, for the sign-in of a subscription account (no internet here): it
 * exchanges a code only for the PKCE verifier whose challenge the relay put in its authorize URL,
 * and issues the access token the scripted Anthropic upstream expects.
 */
final class ClaudeOAuthMock implements AutoCloseable {

  static final String CODE = "code-shown-by-claude";

  private final HttpServer server;
  private final String accessToken;
  private final Set<String> challenges = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicInteger refreshes =
      new java.util.concurrent.atomic.AtomicInteger();

  ClaudeOAuthMock(String accessToken) throws IOException {
    this.accessToken = accessToken;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
    server.createContext("/v1/oauth/token", this::token);
    server.start();
  }

  String tokenUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/oauth/token";
  }

  /** Refresh grants asked for so far. */
  int refreshes() {
    return refreshes.get();
  }

  /** The admin signed in at an authorize URL carrying this challenge. */
  void expectChallenge(String challenge) {
    challenges.add(challenge);
  }

  private void token(HttpExchange exchange) throws IOException {
    JsonNode body = Http.JSON.readTree(exchange.getRequestBody());
    boolean exchangeOk =
        "authorization_code".equals(body.path("grant_type").asText())
            && CODE.equals(body.path("code").asText())
            && challenges.contains(challenge(body.path("code_verifier").asText()));
    boolean refreshOk = "refresh_token".equals(body.path("grant_type").asText());
    if (refreshOk) {
      refreshes.incrementAndGet();
    }
    String answer =
        exchangeOk || refreshOk
            ? "{\"access_token\":\""
                + accessToken
                + "\",\"refresh_token\":\"sk-ant-ort01-acceptance-refresh-0001\","
                + "\"expires_in\":28800,\"scope\":\"user:inference\",\"token_type\":\"Bearer\"}"
            : "{\"error\":\"invalid_grant\"}";
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("content-type", "application/json");
    exchange.sendResponseHeaders(exchangeOk || refreshOk ? 200 : 400, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
