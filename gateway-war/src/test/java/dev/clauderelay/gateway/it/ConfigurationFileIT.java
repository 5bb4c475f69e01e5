package dev.clauderelay.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code RELAY_CONFIG_FILE} applied at every start: the relay starts with a file, an admin adds
 * items of their own, the relay starts again with the same file, and nothing is there twice while
 * the admin's items are as they were. One story in ordered steps, since only Arquillian can restart
 * the relay (the deployment is not managed: each deploy is a Payara Micro start).
 */
@ExtendWith({RelayTestEnvironment.class, ArquillianExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfigurationFileIT {

  private static final String RELAY = "relay";
  private static final String FILE_CLIENT_KEY = "rk-cfg-file-client-0123456789";

  /** No default route and unique names: later test classes share this database. */
  private static final String CONFIGURATION =
      """
      {
        "providers": [
          {"name": "cfg-file", "kind": "anthropic", "baseUrl": "http://127.0.0.1:9",
           "keys": ["sk-cfg-file-key-0001", "sk-cfg-file-key-0002"],
           "models": ["claude-cfg-file"]}
        ],
        "routes": [
          {"match": "cfg-file-model", "provider": "cfg-file"},
          {"match": "cfg-file-*", "provider": "cfg-file", "model": "claude-cfg-file"}
        ],
        "clientKeys": [
          {"name": "cfg-file-client", "key": "rk-cfg-file-client-0123456789", "models": ["*"]}
        ]
      }
      """;

  private static long fileProviderId;
  private static long adminProviderId;
  private static long adminRouteId;
  private static long adminClientKeyId;
  private static int logBeforeRestart;

  @Deployment(name = RELAY, managed = false, testable = false)
  static WebArchive gateway() {
    return RelayWar.asBuilt();
  }

  @ArquillianResource private Deployer deployer;

  @AfterAll
  static void forgetTheFile() throws Exception {
    RelayTestEnvironment.useConfiguration("{}");
  }

  @Test
  @Order(1)
  void startsWithTheFile() throws Exception {
    RelayTestEnvironment.useConfiguration(CONFIGURATION);

    deployer.deploy(RELAY);
  }

  @Test
  @Order(2)
  void theFileCreatesItsItemsAndAnAdminAddsOthers(
      @ArquillianResource @OperateOnDeployment(RELAY) URL deployment) throws Exception {
    Http http = new Http(deployment);
    assertThat(modelsWithTheFilesKey(http)).contains("claude-cfg-file");
    fileProviderId = single("SELECT id FROM provider WHERE name = 'cfg-file'");
    assertThat(count("SELECT COUNT(*) FROM provider_key WHERE provider_id = " + fileProviderId))
        .isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM route WHERE provider_id = " + fileProviderId))
        .isEqualTo(2);

    AdminClient admin = new AdminClient(http);
    admin.post(
        "/api/admin/providers/" + fileProviderId + "/keys", "{\"key\":\"sk-cfg-admin-key-0003\"}");
    adminRouteId =
        admin
            .post("/api/admin/routes", "{\"match\":\"cfg-admin-model\",\"provider\":\"cfg-file\"}")
            .getInt("id");
    adminProviderId =
        admin
            .post(
                "/api/admin/providers",
                "{\"name\":\"cfg-admin-provider\",\"kind\":\"anthropic\","
                    + "\"baseUrl\":\"http://127.0.0.1:9\"}")
            .getInt("id");
    adminClientKeyId =
        admin.post("/api/admin/client-keys", "{\"name\":\"cfg-admin-client\"}").getInt("id");
  }

  @Test
  @Order(3)
  void restartsWithTheSameFile() {
    logBeforeRestart = ServerLog.text().length();

    deployer.undeploy(RELAY);
    deployer.deploy(RELAY);
  }

  @Test
  @Order(4)
  void theSecondApplicationCreatesNothingTwiceAndLeavesTheAdminsItemsAlone(
      @ArquillianResource @OperateOnDeployment(RELAY) URL deployment) throws Exception {
    Http http = new Http(deployment);

    assertThat(modelsWithTheFilesKey(http)).contains("claude-cfg-file");
    assertThat(count("SELECT COUNT(*) FROM provider WHERE name LIKE 'cfg-%'")).isEqualTo(2);
    assertThat(single("SELECT id FROM provider WHERE name = 'cfg-file'")).isEqualTo(fileProviderId);
    // The file's two keys once each, and the one the admin added.
    assertThat(count("SELECT COUNT(*) FROM provider_key WHERE provider_id = " + fileProviderId))
        .isEqualTo(3);
    assertThat(count("SELECT COUNT(*) FROM route WHERE match_pattern = 'cfg-file-model'"))
        .isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM route WHERE match_pattern = 'cfg-file-*'")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM route WHERE provider_id = " + fileProviderId))
        .isEqualTo(3);
    assertThat(count("SELECT COUNT(*) FROM client_key WHERE name LIKE 'cfg-%'")).isEqualTo(2);

    AdminClient admin = new AdminClient(http);
    assertThat(admin.get("/api/admin/routes").getJsonArray("routes").getValuesAs(JsonObject.class))
        .anyMatch(
            r -> r.getInt("id") == adminRouteId && r.getString("match").equals("cfg-admin-model"));
    assertThat(admin.send("GET", "/api/admin/providers/" + adminProviderId + "/keys", null))
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(200));
    assertThat(
            admin
                .get("/api/admin/client-keys")
                .getJsonArray("clientKeys")
                .getValuesAs(JsonObject.class))
        .anyMatch(k -> k.getInt("id") == adminClientKeyId);
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(ServerLog.text().substring(logBeforeRestart))
                    .contains("1 provider(s), 0 key(s) added"));
  }

  @Test
  @Order(5)
  void stops() {
    deployer.undeploy(RELAY);
  }

  private static java.util.List<String> modelsWithTheFilesKey(Http http) {
    HttpResponse<String> models =
        http.send(http.request("/v1/models").header("x-api-key", FILE_CLIENT_KEY).GET());
    assertThat(models.statusCode()).as(models.body()).isEqualTo(200);
    return GatewayIT.json(models).getJsonArray("data").getValuesAs(JsonObject.class).stream()
        .map(m -> m.getString("id"))
        .toList();
  }

  private static long count(String query) throws Exception {
    return single(query);
  }

  private static long single(String query) throws Exception {
    try (Connection db = RelayTestEnvironment.openDatabase();
        PreparedStatement select = db.prepareStatement(query);
        ResultSet row = select.executeQuery()) {
      assertThat(row.next()).as(query).isTrue();
      return row.getLong(1);
    }
  }
}
