package dev.clauderelay.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * How fast the key-pool page is with a big pool: opens it in Chromium and times the first render,
 * paging to the end, sorting and filtering, each through the relay's paged answers.
 *
 * <p>By default it starts a relay and fills a pool of {@code relay.scale.keys} (10,000) keys
 * through the key-pool batch import, which takes seconds; {@code -Drelay.scale.url=...
 * -Drelay.scale.password=... -Drelay.scale.provider=<id>} measures a running relay's pool instead,
 * and {@code -Drelay.scale.keys=0} skips it. The timings go to {@code target/key-pool-render.txt};
 * the test fails when the page takes seconds to show.
 */
class KeyPoolScaleIT {

  @Test
  void keyPoolPageStaysFastWithTenThousandKeys() throws Exception {
    String url = System.getProperty("relay.scale.url");
    int keys = Integer.getInteger("relay.scale.keys", 10_000);
    Assumptions.assumeTrue(
        url != null || keys > 0,
        "-Drelay.scale.keys=0: the key-pool page at scale is not measured");
    RelayProcess relay = null;
    String password = System.getProperty("relay.scale.password", ConsoleJourneys.PASSWORD);
    long providerId = Long.getLong("relay.scale.provider", 0L);
    try {
      if (url == null) {
        Path temp = Files.createTempDirectory("relay-scale");
        relay = RelayProcess.start(temp.resolve("data"), Map.of("RELAY_ADMIN_PASSWORD", password));
        assertThat(relay.awaitReady(Duration.ofSeconds(180))).as(relay.output()).isTrue();
        url = relay.baseUrl();
        providerId = fill(url, Http.signIn(url, password), keys);
      }
      measure(url, password, providerId, keys);
    } finally {
      if (relay != null) {
        relay.close();
      }
    }
  }

  private static long fill(String url, String token, int keys) throws Exception {
    JsonNode provider =
        Http.json(
            Http.post(
                url + "/api/admin/providers",
                token,
                "{\"name\":\"scale\",\"kind\":\"openai\",\"baseUrl\":\"http://127.0.0.1:9/v1\","
                    + "\"models\":[\"m\"]}"));
    long id = provider.get("id").asLong();
    long deadline =
        System.currentTimeMillis()
            + TimeUnit.MINUTES.toMillis(Long.getLong("relay.scale.minutes", 40));
    for (int from = 0; from < keys && System.currentTimeMillis() < deadline; from += 500) {
      List<String> lines = new ArrayList<>();
      for (int i = from; i < Math.min(from + 500, keys); i++) {
        lines.add("sk-scale-key-" + String.format("%06d", i) + "-abcdef");
      }
      HttpResponse<String> batch =
          Http.post(
              url + "/api/admin/key-pool/" + id + "/keys/batch",
              token,
              Http.JSON.writeValueAsString(
                  Map.of("text", String.join("\n", lines), "test", false)));
      assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
    }
    return id;
  }

  /**
   * Generous: this runs on loaded CI machines; an unpaged table of 10,000 rows takes far longer.
   */
  private static final long RESPONSIVE_MS = 5_000;

  private static void measure(String url, String password, long providerId, int keys)
      throws Exception {
    List<String> report =
        new ArrayList<>() {
          @Override
          public boolean add(String line) {
            System.out.println("key-pool page: " + line); // as it goes, should a step fail
            return super.add(line);
          }
        };
    try (Browser browser = Browser.start("en-US", Browser.DESKTOP, "scale")) {
      browser.open(url + "/admin/login.xhtml");
      browser.type(By.id("username"), "admin");
      browser.type(By.id("password"), password);
      browser.click(By.id("submit"));
      browser.waitForVisible(By.id("accounts:accountTable"));

      for (int run = 1; run <= 3; run++) {
        long start = System.nanoTime();
        browser.open(url + "/admin/keypool.xhtml?provider=" + providerId);
        browser.find(By.cssSelector("#pool\\:keyTable_data > tr"));
        long wall = (System.nanoTime() - start) / 1_000_000 - Browser.SETTLE_PAUSE_MS;
        Number server =
            (Number)
                browser.script(
                    "var t = performance.getEntriesByType('navigation')[0];"
                        + " return Math.round(t.responseEnd - t.requestStart);");
        Number load =
            (Number)
                browser.script(
                    "var t = performance.getEntriesByType('navigation')[0];"
                        + " return Math.round(t.loadEventEnd - t.startTime);");
        if (run > 1) { // the first open also warms the JSF views up
          assertThat(wall).as("opening the key-pool page, run " + run).isLessThan(RESPONSIVE_MS);
        }
        report.add(
            "open #"
                + run
                + ": "
                + wall
                + " ms until the table shows (server answer "
                + server
                + " ms, page load "
                + load
                + " ms)");
      }
      String total = browser.text(By.cssSelector("#pool\\:keyTable .ui-paginator-current"));
      report.add("paginator: " + total);
      if (keys > 0) {
        assertThat(total.replace(",", "")).contains(Integer.toString(keys));
      }

      report.add(
          "next page: "
              + timed(browser, By.cssSelector("#pool\\:keyTable .ui-paginator-next"))
              + " ms");
      long lastPage = timed(browser, By.cssSelector("#pool\\:keyTable .ui-paginator-last"));
      report.add("last page: " + lastPage + " ms");
      assertThat(lastPage).as("paging to the last page").isLessThan(RESPONSIVE_MS);
      report.add(
          "sort by requests: "
              + timed(browser, By.cssSelector("#pool\\:keyTable\\:requestsColumn"))
              + " ms");
      long start = System.nanoTime();
      browser.type(By.cssSelector("#pool\\:keyTable\\:keyColumn\\:filter"), "999");
      Browser.pause(600); // the filter's delay
      browser.settle();
      report.add(
          "filter '999': "
              + ((System.nanoTime() - start) / 1_000_000 - 600 - Browser.SETTLE_PAUSE_MS)
              + " ms, "
              + browser.text(By.cssSelector("#pool\\:keyTable .ui-paginator-current")));
      browser.screenshots("key-pool-10000");
    }
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "key-pool-render.txt"), report);
  }

  /**
   * Milliseconds from the click until the Ajax answer is on the page (settle's pause taken off).
   */
  private static long timed(Browser browser, By by) {
    long start = System.nanoTime();
    browser.click(by);
    return (System.nanoTime() - start) / 1_000_000 - Browser.SETTLE_PAUSE_MS;
  }
}
