package dev.clauderelay.launcher.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketDirectoryTest {

  @TempDir Path temp;

  @Test
  void theSocketSitsInAnOwnerOnlyDirectoryOfTheDataDirectoryThatOutlivesTheServer()
      throws Exception {
    Path run = Files.createDirectories(temp.resolve("mariadb/run"));
    Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));

    try (SocketDirectory sockets = SocketDirectory.create(run, temp.resolve("unused"))) {
      assertThat(sockets.socket()).isEqualTo(run.resolve("mariadb.sock"));
      assertThat(Files.getPosixFilePermissions(run)).isEqualTo(OwnerOnly.DIRECTORY);
    }
    assertThat(run).isDirectory();
  }

  @Test
  void aDataDirectoryTooDeepForASocketPathGetsAPrivateDirectoryForThisStartOnly() throws Exception {
    Path deep = temp.resolve("d".repeat(60)).resolve("e".repeat(60)).resolve("run");
    Path temporary = Files.createDirectories(temp.resolve("tmp"));

    Path socket;
    try (SocketDirectory sockets = SocketDirectory.create(deep, temporary)) {
      socket = sockets.socket();
      assertThat(socket.getParent().getParent()).isEqualTo(temporary);
      assertThat(socket.toString().getBytes(StandardCharsets.UTF_8).length)
          .isLessThanOrEqualTo(SocketDirectory.MAX_SOCKET_PATH_BYTES);
      assertThat(Files.getPosixFilePermissions(socket.getParent())).isEqualTo(OwnerOnly.DIRECTORY);
      Files.createFile(socket.resolveSibling("mariadb.sock.lock")); // what mysqld leaves
    }
    assertThat(socket.getParent()).doesNotExist();
  }
}
