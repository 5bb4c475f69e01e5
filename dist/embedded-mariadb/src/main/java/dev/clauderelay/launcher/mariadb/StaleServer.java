package dev.clauderelay.launcher.mariadb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A MariaDB server left running by a relay that was killed: it still holds the data directory, so a
 * new one cannot start until it is gone. Found by the pid file, recognised by its command.
 */
final class StaleServer {

  private static final Logger LOG = Logger.getLogger(StaleServer.class.getName());

  private StaleServer() {}

  static void stopIfRunning(Path pidFile, Duration wait) throws IOException {
    if (!Files.exists(pidFile)) {
      return;
    }
    String content = Files.readString(pidFile, StandardCharsets.US_ASCII).strip();
    long pid;
    try {
      pid = Long.parseLong(content);
    } catch (NumberFormatException e) {
      Files.deleteIfExists(pidFile);
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty() || !isMariaDbServer(process.get())) {
      Files.deleteIfExists(pidFile);
      return;
    }
    LOG.warning(
        () ->
            "An embedded MariaDB left running by an earlier relay (pid "
                + pid
                + ") holds the data; stopping it");
    ProcessHandle server = process.get();
    server.destroy(); // SIGTERM: InnoDB shuts down cleanly
    try {
      server.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception timeout) {
      server.destroyForcibly();
      server.onExit().join();
    }
    Files.deleteIfExists(pidFile);
  }

  private static boolean isMariaDbServer(ProcessHandle process) {
    String command = process.info().command().orElse("");
    return command.endsWith("mariadbd") || command.endsWith("mysqld");
  }
}
