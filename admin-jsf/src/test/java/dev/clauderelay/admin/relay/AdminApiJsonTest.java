package dev.clauderelay.admin.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clauderelay.admin.api.AdminToken;
import dev.clauderelay.admin.api.PluginCatalog;
import dev.clauderelay.admin.api.RelayHealth;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdminApiJsonTest {

  /** A sign-in answer, read as the console reads it. */
  private static AdminToken signIn(String body) {
    return RelayAdminClient.signedIn(AdminApiJson.read(body, AdminToken.class));
  }

  /** A health answer, read as the console reads it. */
  private static RelayHealth health(String body) {
    return RelayAdminClient.relaysOwn(AdminApiJson.read(body, RelayHealth.class));
  }

  @Test
  void errorMessageIsTheGatewaysOwnSentence() {
    String body =
        "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
            + "\"message\":\"Wrong username or password.\"}}";

    assertThat(AdminApiJson.errorMessage(401, body)).isEqualTo("Wrong username or password.");
  }

  @Test
  void throttleMessageKeepsItsWait() {
    String body =
        "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Too many failed"
            + " sign-ins from your address; try again in 30 s.\"}}";

    assertThat(AdminApiJson.errorMessage(429, body)).endsWith("try again in 30 s.");
  }

  @Test
  void errorWithoutTheApiShapeNamesTheStatusInstead() {
    assertThat(AdminApiJson.errorMessage(502, "<html><body>Bad Gateway</body></html>"))
        .isEqualTo("The relay answered HTTP 502 without an explanation.");
    assertThat(AdminApiJson.errorMessage(500, "")).contains("HTTP 500");
    assertThat(AdminApiJson.errorMessage(404, "{\"error\":{\"message\":\"  \"}}"))
        .contains("HTTP 404");
    assertThat(AdminApiJson.errorMessage(400, "[1,2]")).contains("HTTP 400");
  }

  @Test
  void signInAnswerGivesTokenUsernameAndExpiry() {
    AdminToken token =
        signIn(
            "{\"username\":\"admin\",\"expiresAt\":\"2026-11-27T02:07:38.874Z\","
                + "\"token\":\"rla_abc\"}");

    assertThat(token.username()).isEqualTo("admin");
    assertThat(token.token()).isEqualTo("rla_abc");
    assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-11-27T02:07:38.874Z"));
    assertThat(token.toString()).doesNotContain("rla_abc");
  }

  @Test
  void signInAnswerWithoutTokenIsNotTakenForASignIn() {
    assertThatThrownBy(
            () -> signIn("{\"username\":\"admin\",\"expiresAt\":\"2026-11-27T02:07:38Z\"}"))
        .isInstanceOf(AdminApiJson.MalformedAnswerException.class)
        .hasMessageContaining("token");
  }

  @Test
  void healthReportIsReadWhole() {
    RelayHealth health =
        health(
            "{\"status\":\"ok\",\"version\":\"0.1.0-SNAPSHOT\",\"uptimeSeconds\":12,"
                + "\"database\":{\"status\":\"up\",\"embedded\":true,\"latencyMs\":1},"
                + "\"plugins\":{\"loaded\":1,\"ids\":[\"strategies\"],\"strategies\":3}}");

    assertThat(health.status()).isEqualTo("ok");
    assertThat(health.version()).isEqualTo("0.1.0-SNAPSHOT");
    assertThat(health.uptimeSeconds()).isEqualTo(12);
    assertThat(health.database().status()).isEqualTo("up");
    assertThat(health.database().embedded()).isTrue();
    assertThat(health.database().latencyMs()).isEqualTo(1);
    assertThat(health.database().error()).isNull();
    assertThat(health.plugins().loaded()).isEqualTo(1);
    assertThat(health.plugins().ids()).containsExactly("strategies");
    assertThat(health.plugins().strategies()).isEqualTo(3);
  }

  @Test
  void downRelayReportsItsDatabaseError() {
    RelayHealth health =
        health(
            "{\"status\":\"down\",\"version\":\"x\",\"uptimeSeconds\":5,"
                + "\"database\":{\"status\":\"down\",\"embedded\":false,\"latencyMs\":2003,"
                + "\"error\":\"Socket fail to connect to 127.0.0.1:3306\"},"
                + "\"plugins\":{\"loaded\":0,\"ids\":[],\"strategies\":0}}");

    assertThat(health.status()).isEqualTo("down");
    assertThat(health.database().status()).isEqualTo("down");
    assertThat(health.database().embedded()).isFalse();
    assertThat(health.database().error()).contains("3306");
    assertThat(health.plugins().ids()).isEmpty();
  }

  @Test
  void healthWithoutStatusIsNotTheRelaysHealth() {
    assertThatThrownBy(() -> health("{\"version\":\"1\",\"database\":{}}"))
        .isInstanceOf(AdminApiJson.MalformedAnswerException.class);
    assertThatThrownBy(() -> health("<html>login</html>"))
        .isInstanceOf(AdminApiJson.MalformedAnswerException.class)
        .hasMessage("not JSON");
  }

  @Test
  void microProfileHealthIsNotTakenForTheRelays() {
    assertThatThrownBy(() -> health("{\"status\":\"UP\",\"checks\":[]}"))
        .isInstanceOf(AdminApiJson.MalformedAnswerException.class)
        .hasMessageContaining("MicroProfile Health");
  }

  @Test
  void pluginCatalogKeepsEachPluginsExtensions() {
    PluginCatalog catalog =
        AdminApiJson.read(
            "{\"pluginsDir\":\"/srv/relay/plugins\",\"plugins\":[{\"id\":\"strategies\","
                + "\"version\":\"0.1.0\",\"provider\":\"Claude Relay\",\"description\":\"Key"
                + " selection\",\"jar\":\"strategies-plugin.jar\",\"state\":\"STARTED\","
                + "\"extensions\":[{\"point\":\"KeySelectionStrategy\",\"id\":\"round-robin\","
                + "\"description\":\"Each key in turn\"},{\"point\":\"KeySelectionStrategy\","
                + "\"id\":\"random\",\"description\":\"\"}]}]}",
            PluginCatalog.class);

    assertThat(catalog.pluginsDir()).isEqualTo("/srv/relay/plugins");
    assertThat(catalog.plugins()).hasSize(1);
    PluginCatalog.Plugin plugin = catalog.plugins().get(0);
    assertThat(plugin.id()).isEqualTo("strategies");
    assertThat(plugin.state()).isEqualTo("STARTED");
    assertThat(plugin.jar()).isEqualTo("strategies-plugin.jar");
    assertThat(plugin.extensions())
        .extracting(PluginCatalog.Extension::point, PluginCatalog.Extension::id)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("KeySelectionStrategy", "round-robin"),
            org.assertj.core.groups.Tuple.tuple("KeySelectionStrategy", "random"));
  }

  @Test
  void emptyPluginsFolderIsAnEmptyCatalog() {
    PluginCatalog catalog =
        AdminApiJson.read("{\"pluginsDir\":\"/tmp/p\",\"plugins\":[]}", PluginCatalog.class);

    assertThat(catalog.plugins()).isEmpty();
  }
}
