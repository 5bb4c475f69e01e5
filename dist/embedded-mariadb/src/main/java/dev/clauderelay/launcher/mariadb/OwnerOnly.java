package dev.clauderelay.launcher.mariadb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Directories only the relay's own OS user may enter: what the database server keeps (data, socket,
 * temporary files) is nobody else's to read or connect to.
 */
final class OwnerOnly {

  static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  static final FileAttribute<Set<PosixFilePermission>> DIRECTORY_ATTRIBUTE =
      PosixFilePermissions.asFileAttribute(DIRECTORY);

  private OwnerOnly() {}

  /**
   * Creates the directory (and missing parents) and sets it to mode 0700, also when it was already
   * there with a wider mode: data directories made by earlier relays were 0755.
   */
  static Path directory(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.setPosixFilePermissions(directory, DIRECTORY);
    return directory;
  }
}
