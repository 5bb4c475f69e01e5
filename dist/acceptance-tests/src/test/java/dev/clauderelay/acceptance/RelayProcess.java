package dev.clauderelay.acceptance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/relay} run as a user runs it, with its output kept (and echoed to a log file) so tests
 * can read what a user reads: the ready banner, the generated password, the error that stopped a
 * start.
 */
final class RelayProcess implements AutoCloseable {

  static final Path HOME =
      Path.of(System.getProperty("relay.home", "../target/relay")).toAbsolutePath().normalize();
  private static final Pattern READY =
      Pattern.compile("Claude Relay \\S+ is ready \\((\\d+) ms\\)");

  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final CountDownLatch settled = new CountDownLatch(1);
  private final CountDownLatch outputRead = new CountDownLatch(1);
  final int port;
  private volatile long readyMillis = -1;

  private RelayProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  var file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                String line;
                while ((line = out.readLine()) != null) {
                  synchronized (lines) {
                    lines.add(line);
                  }
                  file.write(line);
                  file.newLine();
                  file.flush();
                  Matcher ready = READY.matcher(line);
                  if (ready.find()) {
                    readyMillis = Long.parseLong(ready.group(1));
                  }
                  if (readyMillis >= 0 && line.strip().startsWith("Plugins:")) {
                    settled.countDown(); // the banner's last line
                  }
                }
              } catch (IOException ignored) {
                // process gone
              } finally {
                settled.countDown();
                outputRead.countDown();
              }
            },
            "relay-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the relay on a free port with {@code RELAY_DATA_DIR=dataDir} and extra settings. */
  static RelayProcess start(Path dataDir, Map<String, String> settings) throws IOException {
    return start(HOME, dataDir, settings);
  }

  /** Starts the relay installed in {@code home} (its {@code bin/relay}). */
  static RelayProcess start(Path home, Path dataDir, Map<String, String> settings)
      throws IOException {
    int port = freePort();
    Map<String, String> environment = new HashMap<>(settings);
    environment.putIfAbsent("RELAY_DATA_DIR", dataDir.toString());
    environment.put("RELAY_PORT", Integer.toString(port));
    ProcessBuilder builder =
        new ProcessBuilder(home.resolve("bin/relay").toString()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Files.createDirectories(dataDir);
    Path log = dataDir.resolveSibling(dataDir.getFileName() + "-relay-" + port + ".log");
    return new RelayProcess(builder.start(), port, log);
  }

  /**
   * Waits for the ready banner or the end of the process.
   *
   * @return whether the relay is ready
   */
  boolean awaitReady(Duration timeout) throws InterruptedException {
    settled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return readyMillis >= 0;
  }

  /** Waits for the relay to exit by itself (a failed start); returns its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the relay did not exit within " + timeout + ":\n" + output());
    }
    return process.exitValue();
  }

  long readyMillis() {
    return readyMillis;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  /** The admin password printed at the first start, if this start printed one. */
  String generatedPassword() {
    Matcher matcher = Pattern.compile("password: (\\S+)").matcher(output());
    return matcher.find() ? matcher.group(1) : null;
  }

  /** SIGTERM, as a service manager stops it; returns the exit code. */
  int stop() throws InterruptedException {
    // SIGTERM through the handle: Process.destroy() also closes this side of the relay's output,
    // and whatever the relay says while it stops would be lost (as a service manager would not).
    process.toHandle().destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the relay did not stop within 60 s of SIGTERM");
    }
    // What it said last is still in the pipe when it exits.
    outputRead.await(10, TimeUnit.SECONDS);
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hooks, nothing flushed. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
