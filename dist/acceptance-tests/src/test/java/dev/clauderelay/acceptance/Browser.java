package dev.clauderelay.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven through
 * the console as a person would, with the waits PrimeFaces pages need and screenshots at desktop
 * and phone width. Missing browser or driver: the test is skipped with a message, or fails when
 * {@code RELAY_TEST_REQUIRE_ALL=true} (CI).
 */
final class Browser implements AutoCloseable {

  static final Dimension DESKTOP = new Dimension(1280, 900);
  static final Dimension PHONE = new Dimension(375, 812);
  static final long SETTLE_PAUSE_MS = 250;
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final Path userDataDir;
  private final String prefix;
  private int shots;

  private Browser(ChromeDriver driver, Path userDataDir, String prefix) {
    this.driver = driver;
    this.userDataDir = userDataDir;
    this.prefix = prefix;
  }

  /**
   * Starts Chromium preferring {@code language} (an Accept-Language tag such as {@code zh-CN}).
   * Screenshots are named {@code prefix-NN-name-width.png}.
   */
  static Browser start(String language, Dimension size, String prefix) throws IOException {
    Path chromium = executable("chromium", "chromium-browser", "google-chrome");
    Path chromedriver = executable("chromedriver");
    Path userDataDir = Files.createTempDirectory("relay-console-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        "--lang=" + language,
        "--user-data-dir=" + userDataDir,
        "--window-size=" + size.getWidth() + "," + size.getHeight());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    forgetScreenshots(prefix);
    Browser browser = new Browser(driver, userDataDir, prefix);
    browser.resize(size);
    return browser;
  }

  /** Removes an earlier run's screenshots of this prefix, so the folder shows one run. */
  private static void forgetScreenshots(String prefix) throws IOException {
    if (!Files.isDirectory(SCREENSHOTS)) {
      return;
    }
    try (Stream<Path> files = Files.list(SCREENSHOTS)) {
      for (Path file : files.toList()) {
        if (file.getFileName().toString().startsWith(prefix + "-")) {
          Files.delete(file);
        }
      }
    }
  }

  private static Path executable(String... names) {
    for (String name : names) {
      Optional<Path> found =
          Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
              .map(dir -> Path.of(dir, name))
              .filter(Files::isExecutable)
              .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
    }
    skipOrFail(
        names[0]
            + " is not installed: the console browser tests need Debian's chromium and"
            + " chromium-driver (apt-get install -y chromium chromium-driver)");
    throw new IllegalStateException("unreachable");
  }

  static void skipOrFail(String message) {
    if ("true".equals(System.getenv("RELAY_TEST_REQUIRE_ALL"))) {
      throw new AssertionError(message);
    }
    Assumptions.abort(message);
  }

  WebDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
    settle();
  }

  /** Waits for the page and any PrimeFaces Ajax to finish, and for animations to end. */
  void settle() {
    WebDriverWait wait = waiting(Duration.ofSeconds(30));
    wait.until(
        d ->
            "complete".equals(script("return document.readyState"))
                && Boolean.TRUE.equals(
                    script(
                        "return !window.PrimeFaces || !PrimeFaces.ajax"
                            + " || PrimeFaces.ajax.Queue.isEmpty()")));
    pause(SETTLE_PAUSE_MS);
  }

  Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /** A wait that looks every 50 ms (not Selenium's 500), so timings mean something. */
  private WebDriverWait waiting(Duration timeout) {
    WebDriverWait wait = new WebDriverWait(driver, timeout);
    wait.pollingEvery(Duration.ofMillis(50));
    return wait;
  }

  WebElement find(By by) {
    return waiting(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  void click(By by) {
    for (int attempt = 0; ; attempt++) {
      try {
        WebElement element =
            waiting(Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(by));
        script("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        break;
      } catch (StaleElementReferenceException e) {
        if (attempt > 3) {
          throw e;
        }
      }
    }
    settle();
  }

  void type(By by, String text) {
    WebElement element = find(by);
    element.clear();
    element.sendKeys(text);
  }

  /** Types into a textarea as a paste would: newlines and all, at once. */
  void paste(By by, String text) {
    WebElement element = find(by);
    script(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        element,
        text);
  }

  /**
   * Picks an option of a {@code p:selectOneMenu} by its label, clicked where the open panel shows
   * it: scrolling the page to centre the option (as {@link #click} does) moves the panel away from
   * under the pointer on a phone when the page is long.
   */
  void choose(String menuId, String label) {
    click(By.id(menuId + "_label"));
    waiting(Duration.ofSeconds(30))
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//*[@id='"
                        + menuId
                        + "_panel']//li[normalize-space(@data-label)='"
                        + label
                        + "' or normalize-space(.)='"
                        + label
                        + "']")))
        .click();
    settle();
  }

  String text(By by) {
    return find(by).getText();
  }

  void waitForText(By by, String text) {
    waiting(Duration.ofSeconds(60))
        .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    settle();
  }

  void waitForVisible(By by) {
    find(by);
    settle();
  }

  void resize(Dimension size) {
    driver.manage().window().setSize(size);
    pause(300);
  }

  /** Saves the page as it is now at desktop and at phone width, then restores the width. */
  void screenshots(String name) {
    Dimension before = driver.manage().window().getSize();
    shots++;
    for (Dimension size : List.of(DESKTOP, PHONE)) {
      resize(size);
      save(String.format("%s-%02d-%s-%s.png", prefix, shots, name, label(size)));
    }
    resize(before);
  }

  private void save(String file) {
    try {
      Files.createDirectories(SCREENSHOTS);
      // A full-page shot: the window grows to the document's height, then shrinks back.
      Dimension size = driver.manage().window().getSize();
      script("window.scrollTo(0, 0)");
      Number height = (Number) script("return document.documentElement.scrollHeight");
      int full = Math.min(Math.max(size.getHeight(), height.intValue() + 20), 4000);
      driver.manage().window().setSize(new Dimension(size.getWidth(), full));
      pause(300);
      Files.write(SCREENSHOTS.resolve(file), driver.getScreenshotAs(OutputType.BYTES));
      driver.manage().window().setSize(size);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String label(Dimension size) {
    return size.getWidth() <= 480 ? "phone" : "desktop";
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(userDataDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  TakesScreenshot camera() {
    return driver;
  }
}
