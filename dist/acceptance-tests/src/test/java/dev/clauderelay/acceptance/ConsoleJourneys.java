package dev.clauderelay.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * The console's main journeys in a real Chromium against the relay as users run it ({@code
 * bin/relay}): sign in, add a provider from a preset, import keys in a batch (with a bad line and a
 * duplicate), disable two keys at once, see the pool's charts, test a key the upstream refuses and
 * bring it back with maintenance, select the default model, create a client key (shown once), add a
 * Claude account and complete its OAuth sign-in against a mock Claude, come back to an ended
 * session, sign out. Each journey leaves screenshots at desktop and phone width in {@code
 * target/screenshots}; a subclass sets the browser's language and the width the journeys run at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ConsoleJourneys {

  static final String PASSWORD = "console-admin-pass-2026";

  private Path temp;
  private RelayProcess relay;
  private MockClaudeOAuth oauth;
  private MockOpenAiUpstream upstream;
  private Browser browser;
  private String token;
  private String provider;

  /** The browser's preferred language, as an Accept-Language tag. */
  abstract String language();

  /** The window size the journeys run at. */
  abstract Dimension size();

  /** Prefix of the screenshots, and suffix of what the journeys create. */
  abstract String name();

  @BeforeAll
  void startRelayBrowserAndMocks() throws Exception {
    browser = Browser.start(language(), size(), name());
    temp = Files.createTempDirectory("relay-console-" + name());
    oauth = new MockClaudeOAuth();
    upstream = new MockOpenAiUpstream();
    // A copy of the shipped plugins folder: the Plugins journey uploads a jar into it.
    Path plugins = Files.createDirectories(temp.resolve("plugins"));
    try (var shipped = Files.list(RelayProcess.HOME.resolve("plugins"))) {
      for (Path jar : shipped.filter(p -> p.toString().endsWith(".jar")).toList()) {
        Files.copy(jar, plugins.resolve(jar.getFileName()));
      }
    }
    relay =
        RelayProcess.start(
            temp.resolve("data"),
            Map.of(
                "RELAY_PLUGINS_DIR", plugins.toString(),
                "RELAY_ADMIN_PASSWORD", PASSWORD,
                "RELAY_CLAUDE_OAUTH_AUTHORIZE_URL", oauth.authorizeUrl(),
                "RELAY_CLAUDE_OAUTH_TOKEN_URL", oauth.tokenUrl()));
    assertThat(relay.awaitReady(Duration.ofSeconds(180))).as(relay.output()).isTrue();
    token = Http.signIn(relay.baseUrl(), PASSWORD);
    provider = "deepseek-" + name();
    sendTrafficThroughAPool();
  }

  /**
   * A provider on the mock upstream with traffic, so the pool and usage charts have data; then a
   * key the upstream refuses, untested yet.
   */
  private void sendTrafficThroughAPool() {
    long id =
        admin(
                "/api/admin/providers",
                "{\"name\":\"traffic\",\"kind\":\"openai\",\"baseUrl\":\""
                    + upstream.baseUrl()
                    + "\",\"transformer\":\"openai\",\"models\":[\"mock-chat\"]}")
            .get("id")
            .asLong();
    for (int i = 1; i <= 3; i++) {
      admin(
          "/api/admin/providers/" + id + "/keys",
          "{\"key\":\"sk-traffic-key-00000" + i + "-abcdef\"}");
    }
    admin("/api/admin/routes", "{\"match\":\"mock-*\",\"provider\":\"traffic\"}");
    // Priced, so the cost charts have data; the key has a budget, so its spend shows against it.
    admin(
        "/api/admin/prices",
        "{\"model\":\"mock-*\",\"inputPerMtok\":3,\"outputPerMtok\":15,\"note\":\"mock\"}");
    String clientKey =
        admin(
                "/api/admin/client-keys",
                "{\"name\":\"traffic\",\"budget\":{\"dailyCost\":5,\"concurrency\":4}}")
            .get("key")
            .asText();
    for (int i = 0; i < 16; i++) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(relay.baseUrl() + "/v1/messages"))
              .header("x-api-key", clientKey)
              .header("content-type", "application/json")
              // Claude Code's own session headers: the usage tab lists the session and sub-agent.
              .header("X-Claude-Code-Session-Id", JOURNEY_SESSION);
      if (i % 2 == 0) {
        request.header("X-Claude-Code-Agent-Id", JOURNEY_AGENT);
      }
      Http.send(
          request.POST(
              HttpRequest.BodyPublishers.ofString(
                  "{\"model\":\"mock-chat\",\"max_tokens\":16,"
                      + "\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}")));
    }
    admin(
        "/api/admin/key-pool/" + id + "/keys",
        "{\"key\":\"" + MockOpenAiUpstream.REFUSED_KEY + "\",\"label\":\"" + REFUSED_LABEL + "\"}");
  }

  private static final String REFUSED_LABEL = "refused-by-mock";
  private static final String JOURNEY_SESSION = "0badc0de-0000-4000-8000-000000000016";
  private static final String JOURNEY_AGENT = "journey-sub-agent";

  private JsonNode admin(String path, String json) {
    HttpResponse<String> response = Http.post(relay.baseUrl() + path, token, json);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 201);
    return Http.json(response);
  }

  @AfterAll
  void stopAll() throws Exception {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (relay != null) {
        relay.close();
      }
      if (oauth != null) {
        oauth.close();
      }
      if (upstream != null) {
        upstream.close();
      }
    }
  }

  private String console(String page) {
    return relay.baseUrl() + "/admin/" + page;
  }

  @Test
  @Order(1)
  void signInShowsAPlainErrorThenTheDashboard() {
    browser.open(console(""));
    browser.type(By.id("username"), "admin");
    browser.type(By.id("password"), "not-the-password");
    browser.click(By.id("submit"));
    WebElement error = browser.find(By.cssSelector("#messages .ui-messages-error"));
    assertThat(error.getText()).isNotBlank().doesNotContain("Exception");
    browser.screenshots("sign-in-refused");

    browser.type(By.id("password"), PASSWORD);
    browser.click(By.id("submit"));
    browser.waitForVisible(By.id("accounts:accountTable"));
    assertThat(browser.driver().getCurrentUrl()).contains("/admin/dashboard.xhtml");
    browser.screenshots("dashboard-accounts");
  }

  @Test
  @Order(2)
  void addAProviderFromAPreset() {
    browser.click(By.id("tab-providers"));
    browser.click(By.id("providers:add"));
    browser.click(
        By.xpath(
            "//*[@id='addProvider:kind']//div[contains(@class,'ui-button')]"
                + "[.//input[@value='openai']]"));
    browser.choose("addProvider:preset", "DeepSeek");
    assertThat(browser.find(By.id("addProvider:baseUrl")).getAttribute("value"))
        .isEqualTo("https://api.deepseek.com/v1");
    assertThat(browser.find(By.id("addProvider:models")).getAttribute("value"))
        .contains("deepseek-chat");
    browser.type(By.id("addProvider:name"), provider);
    browser.screenshots("add-provider-from-preset");

    browser.click(By.id("addProvider:save"));
    browser.waitForVisible(By.id("providers:providerTable"));
    assertThat(browser.driver().getCurrentUrl()).contains("/admin/providers.xhtml");
    assertThat(browser.text(By.id("providers:providerTable"))).contains(provider);
    assertThat(browser.text(By.id("messages"))).contains(provider);
    browser.screenshots("providers-after-add");
  }

  @Test
  @Order(3)
  void importKeysInABatchWithABadLineAndADuplicate() {
    openPool(provider);
    browser.click(By.id("pool:openImport"));
    String keys =
        String.join(
            "\n",
            List.of(
                "sk-console-" + name() + "-key-000001",
                "sk-console-" + name() + "-key-000002",
                "not a key",
                "",
                "sk-console-" + name() + "-key-000003",
                "sk-console-" + name() + "-key-000001",
                "sk-console-" + name() + "-key-000004",
                "sk-console-" + name() + "-key-000005"));
    browser.paste(By.id("importForm:keysText"), keys);
    browser.click(By.id("importForm:startImport"));
    browser.waitForVisible(By.id("importForm:importResults"));

    List<WebElement> added = browser.all(By.cssSelector(".import-result.ui-tag-success"));
    List<WebElement> refused = browser.all(By.cssSelector(".import-result.ui-tag-danger"));
    assertThat(added).hasSize(5);
    assertThat(refused).hasSize(2);
    // The relay's reasons in the page's language, on the lines as pasted (the blank line 4
    // counted). On a phone the reflowed cell starts with its column's title.
    String results = browser.text(By.id("importForm:importResults"));
    if (language().startsWith("zh")) {
      assertThat(results).contains("密钥只能由可打印的 ASCII 字符组成").contains("与第 1 行重复");
    } else {
      assertThat(results)
          .contains("A key holds printable ASCII characters")
          .contains("Repeats line 1");
    }
    assertThat(results).doesNotContain("repeats entry");
    assertThat(
            browser
                .find(
                    By.xpath(
                        "//*[@id='importForm:importResults_data']/tr[.//*[contains(@class,"
                            + "'import-duplicate')]]/td[1]"))
                .getText())
        .endsWith("6");
    assertThat(browser.driver().getPageSource()).doesNotContain("key-000002");
    browser.screenshots("import-results");

    browser.click(By.id("importForm:importDone"));
    browser.waitForText(By.id("pool:keyTable"), "sk-con");
    assertThat(browser.all(By.cssSelector("#pool\\:keyTable_data > tr"))).hasSize(5);
  }

  @Test
  @Order(4)
  void disableTwoKeysInOneOperation() {
    openPool(provider);
    browser.click(
        By.xpath("//*[@id='pool:keyTable_data']/tr[1]//div[contains(@class,'ui-chkbox-box')]"));
    browser.click(
        By.xpath("//*[@id='pool:keyTable_data']/tr[2]//div[contains(@class,'ui-chkbox-box')]"));
    browser.click(By.id("pool:disableSelected"));
    browser.find(By.cssSelector(".ui-confirm-dialog"));
    browser.screenshots("disable-two-confirm");
    browser.click(By.id("confirmYes"));

    browser.waitForVisible(By.cssSelector("#messages .ui-messages-info"));
    assertThat(browser.all(By.cssSelector("#pool\\:keyTable .key-state.key-disabled"))).hasSize(2);
    browser.screenshots("disable-two-done");
  }

  @Test
  @Order(5)
  void seeThePoolChartAndOneKeysChart() {
    openPool("traffic");
    WebElement chart = browser.find(By.cssSelector("#pool\\:poolChart canvas"));
    assertThat(chart.getSize().getWidth()).isPositive();
    assertThat(browser.find(By.cssSelector("#pool\\:statesChart canvas")).getSize().getHeight())
        .isPositive();
    assertThat(browser.text(By.id("pool:keyTable"))).contains("sk-traf");
    browser.click(By.xpath("//*[@id='pool:keyTable_data']/tr[1]//button[contains(@id,':chart')]"));
    browser.waitForVisible(By.cssSelector("#pool\\:keyChart canvas"));
    browser.screenshots("pool-charts");

    browser.click(By.id("tab-usage"));
    browser.waitForVisible(By.cssSelector("#usage\\:requestsChart canvas"));
    // Every request of the journey's session counts for its provider, those that found every key
    // resting too (the mock refuses every fourth with 429).
    assertThat(Long.parseLong(browser.text(By.id("totalRequests")))).isGreaterThanOrEqualTo(16);
    assertThat(browser.text(By.id("usage:sessions")))
        .contains(JOURNEY_SESSION)
        .contains(JOURNEY_AGENT);
    browser.screenshots("usage");

    // What the traffic cost: totals, and the cost charts by provider, model and client key.
    assertThat(browser.text(By.id("totalCost"))).isNotEqualTo("0.000000").isNotEmpty();
    for (String costChart :
        List.of("costByProviderChart", "costByModelChart", "costByClientKeyChart")) {
      WebElement canvas = browser.find(By.cssSelector("#usage\\:" + costChart + " canvas"));
      assertThat(canvas.getSize().getHeight()).as(costChart).isPositive();
    }
    browser.script(
        "document.getElementById('usage:costByProviderChart').scrollIntoView({block: 'start'});");
    browser.screenshots("usage-cost");

    browser.click(By.id("tab-prices"));
    browser.waitForText(By.id("prices:priceTable"), "claude-sonnet-4*");
    assertThat(browser.text(By.id("prices:priceTable"))).contains("mock-*").contains("gpt-4.1");
    browser.screenshots("prices");
  }

  @Test
  @Order(6)
  void testAKeyTheUpstreamRefusesThenMaintenanceBringsItBack() {
    openPool("traffic");
    browser.type(By.id("pool:keyTable:keyColumn:filter"), REFUSED_LABEL);
    awaitRows(1);
    browser.click(By.xpath("//*[@id='pool:keyTable_data']/tr[1]//button[contains(@id,':test')]"));

    WebElement verdict = browser.find(By.id("reportForm:testVerdict"));
    assertThat(verdict.getAttribute("class")).contains("test-refused").contains("ui-tag-danger");
    assertThat(browser.find(By.id("reportForm:testState")).getAttribute("class"))
        .contains("ui-tag-danger");
    assertThat(browser.text(By.id("testMessage"))).contains("Incorrect API key provided");
    assertThat(browser.driver().getPageSource()).doesNotContain(MockOpenAiUpstream.REFUSED_KEY);
    browser.screenshots("key-test-refused");
    browser.click(By.id("reportForm:reportDone"));
    assertThat(browser.all(By.cssSelector("#pool\\:keyTable .key-state.ui-tag-danger"))).hasSize(1);

    upstream.acceptEveryKey();
    browser.click(By.id("pool:maintenance"));
    browser.waitForVisible(By.id("maintenanceSummary"));
    assertThat(
            browser.all(
                By.xpath(
                    "//li[contains(@class,'maintenance-change')][.//code[starts-with(.,'sk-ref')]]"
                        + "//*[contains(@class,'maintenance-to') and contains(@class,"
                        + "'ui-tag-success')]")))
        .hasSize(1);
    browser.screenshots("maintenance-report");
    browser.click(By.id("reportForm:reportDone"));
    assertThat(browser.all(By.cssSelector("#pool\\:keyTable .key-state.ui-tag-success")))
        .hasSize(1);
  }

  /** Waits for the key table to show {@code rows} rows (a filter applied). */
  private void awaitRows(int rows) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> browser.all(By.cssSelector("#pool\\:keyTable_data > tr")).size() == rows);
    browser.settle();
  }

  @Test
  @Order(7)
  void selectTheDefaultModel() {
    browser.click(By.id("tab-models"));
    browser.choose("defaultModel:provider", provider);
    browser.choose("defaultModel:model", "deepseek-chat");
    browser.click(By.id("defaultModel:select"));
    browser.waitForText(By.id("currentDefault"), provider + " / deepseek-chat");
    browser.screenshots("default-model-selected");
  }

  @Test
  @Order(8)
  void createAClientKeyShownOnce() {
    browser.click(By.id("tab-clientKeys"));
    browser.click(By.id("clientKeys:add"));
    browser.type(By.id("keyForm:name"), "laptop-" + name());
    browser.type(By.id("keyForm:rpm_input"), "60");
    browser.click(By.id("keyForm:save"));
    String key = browser.find(By.id("issued:issuedKey")).getAttribute("value");
    assertThat(key).hasSizeGreaterThan(20);
    browser.screenshots("client-key-shown-once");

    browser.click(By.id("issued:done"));
    assertThat(browser.text(By.id("clientKeys:keyTable"))).contains("laptop-" + name());
    assertThat(browser.driver().getPageSource()).doesNotContain(key);
    browser.open(console("client-keys.xhtml"));
    assertThat(browser.driver().getPageSource()).doesNotContain(key);
    // The traffic key's spend today against its daily budget of 5.
    assertThat(browser.text(By.id("clientKeys:keyTable"))).contains(" / 5");
    browser.screenshots("client-keys");
  }

  /** The template plugin as the reactor built it (plugins/example-provider). */
  static final Path EXAMPLE_PLUGIN =
      Path.of("../../plugins/example-provider/target/acme-chat-plugin-1.0.0.jar")
          .toAbsolutePath()
          .normalize();

  @Test
  @Order(8)
  void uploadTheExamplePluginThenDisableAndEnableIt() {
    browser.click(By.id("tab-plugins"));
    assertThat(browser.text(By.id("plugins:pluginTable"))).contains("openai").contains("gemini");
    browser.screenshots("plugins");

    browser.find(By.id("upload:pluginJar")).sendKeys(EXAMPLE_PLUGIN.toString());
    // The browser reads the file into the hidden field (never visible: no find(), which waits).
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                !browser
                    .driver()
                    .findElement(By.id("upload:jarData"))
                    .getDomProperty("value")
                    .isEmpty());
    browser.click(By.id("upload:uploadJar"));
    browser.waitForText(By.id("plugins:pluginTable"), "acme-chat");
    assertThat(browser.text(By.id("plugins:pluginTable"))).contains("Transformer acme-chat");
    browser.screenshots("plugin-uploaded");

    String row = "//tr[.//strong[normalize-space()='acme-chat']]";
    browser.click(By.xpath(row + "//button[contains(@id,':disable')]"));
    browser.waitForVisible(By.xpath(row + "//button[contains(@id,':enable')]"));
    assertThat(
            browser
                .find(By.xpath(row + "//*[contains(@class,'plugin-state')]"))
                .getAttribute("class"))
        .doesNotContain("ui-tag-success");
    browser.screenshots("plugin-disabled");

    browser.click(By.xpath(row + "//button[contains(@id,':enable')]"));
    browser.waitForVisible(By.xpath(row + "//button[contains(@id,':disable')]"));
    assertThat(
            browser
                .find(By.xpath(row + "//*[contains(@class,'plugin-state')]"))
                .getAttribute("class"))
        .contains("ui-tag-success");
    browser.screenshots("plugin-enabled");
  }

  @Test
  @Order(9)
  void addAClaudeAccountAndCompleteOAuth() {
    browser.click(By.id("tab-accounts"));
    browser.click(By.id("accounts:add"));
    browser.type(By.id("addAccount:name"), "subscription-" + name());
    browser.click(By.id("addAccount:save"));
    WebElement link = browser.find(By.id("signIn:authorizeLink"));
    String authorizeUrl = link.getAttribute("href");
    assertThat(authorizeUrl).startsWith(oauth.authorizeUrl()).contains("code_challenge=");
    browser.screenshots("oauth-authorize-link");

    // The person opens Claude's page in a new tab, signs in, and copies the code it shows.
    String console = browser.driver().getWindowHandle();
    browser.driver().switchTo().newWindow(WindowType.TAB);
    browser.driver().get(authorizeUrl);
    String code = browser.text(By.id("code"));
    browser.driver().close();
    browser.driver().switchTo().window(console);

    browser.type(By.id("signIn:code"), code);
    browser.click(By.id("signIn:complete"));
    WebElement state = browser.find(By.id("signIn:resultState"));
    assertThat(state.getAttribute("class")).contains("ui-tag-success");
    assertThat(oauth.exchanges()).isEqualTo(1);
    browser.screenshots("oauth-signed-in");

    browser.click(By.id("signIn:done"));
    assertThat(browser.text(By.id("accounts:accountTable"))).contains("subscription-" + name());
    assertThat(
            browser.all(By.cssSelector("#accounts\\:accountTable .account-state.ui-tag-success")))
        .hasSize(1);
    browser.screenshots("accounts-after-oauth");
  }

  @Test
  @Order(10)
  void aSessionThatEndedSendsTheNextClickToSignIn() {
    browser.open(console("dashboard.xhtml"));
    // The server forgot the session (a timeout, a restart): the browser still sends its cookie.
    Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
    assertThat(session).isNotNull();
    browser.driver().manage().deleteCookie(session);
    browser
        .driver()
        .manage()
        .addCookie(new Cookie("JSESSIONID", "ended-session-0000", session.getPath()));

    browser.click(By.id("accounts:refreshList")); // an Ajax request, answered with a redirect
    browser.waitForVisible(By.id("username"));
    assertThat(browser.driver().getCurrentUrl()).contains("login.xhtml").contains("expired=true");
    assertThat(browser.find(By.cssSelector(".ui-message-warn")).getText()).isNotBlank();
    browser.screenshots("session-ended");

    browser.type(By.id("username"), "admin");
    browser.type(By.id("password"), PASSWORD);
    browser.click(By.id("submit"));
    browser.waitForVisible(By.id("accounts:accountTable"));
  }

  @Test
  @Order(11)
  void signOutAndThePagesAreClosed() {
    browser.click(By.id("signOut"));
    browser.waitForVisible(By.id("username"));
    assertThat(browser.driver().getCurrentUrl()).contains("login.xhtml").contains("signedOut=true");
    browser.screenshots("signed-out");

    browser.open(console("providers.xhtml"));
    assertThat(browser.driver().getCurrentUrl()).contains("login.xhtml");
  }

  void openPool(String providerName) {
    browser.open(console("providers.xhtml"));
    browser.click(
        By.xpath(
            "//*[@id='providers:providerTable']//tr[.//strong[text()='"
                + providerName
                + "']]//a[contains(@id,':pool')]"));
    browser.waitForVisible(By.id("pool:keyTable"));
  }

  Browser browser() {
    return browser;
  }
}
