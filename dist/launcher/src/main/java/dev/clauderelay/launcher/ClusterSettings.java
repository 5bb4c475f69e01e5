package dev.clauderelay.launcher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How this relay joins a cluster ({@code RELAY_CLUSTER=true}): Payara Micro's data grid, members
 * found by a fixed list (never multicast), on a port of their own.
 *
 * <p>The grid's cluster name is derived from {@code RELAY_CLUSTER_NAME} and {@code
 * RELAY_CLUSTER_PASSWORD}, so relays with another password never join this cluster, nor it theirs.
 * The open-source grid neither authenticates nor encrypts its members' traffic: the cluster port
 * belongs on a private network.
 *
 * @param members every member's {@code host:port}, this one included
 * @param gridName the grid's cluster name
 * @param port this member's grid port, {@code RELAY_CLUSTER_PORT}, default 6900
 * @param networkInterface the address the grid binds to: {@code RELAY_CLUSTER_INTERFACE}, else the
 *     relay's bind address when it names one
 */
record ClusterSettings(
    List<String> members, String gridName, int port, Optional<String> networkInterface) {

  static final int DEFAULT_PORT = 6900;
  private static final Pattern MEMBER = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}");

  /** The cluster settings, or empty when {@code RELAY_CLUSTER} is not {@code true}. */
  static Optional<ClusterSettings> from(Function<String, String> source, String bindAddress) {
    if (!Boolean.parseBoolean(value(source, "RELAY_CLUSTER").orElse("false"))) {
      return Optional.empty();
    }
    List<String> members = new ArrayList<>();
    for (String member : value(source, "RELAY_CLUSTER_MEMBERS").orElse("").split(",")) {
      String trimmed = member.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (!MEMBER.matcher(trimmed).matches()) {
        throw new LaunchException(
            "RELAY_CLUSTER_MEMBERS must list host:port pairs separated by commas; '"
                + trimmed
                + "' is not one");
      }
      members.add(trimmed);
    }
    if (members.isEmpty()) {
      throw new LaunchException(
          "RELAY_CLUSTER=true needs RELAY_CLUSTER_MEMBERS: every member's host:port, this one"
              + " included (for example 10.0.0.5:6900,10.0.0.6:6900)");
    }
    String password =
        value(source, "RELAY_CLUSTER_PASSWORD")
            .orElseThrow(
                () ->
                    new LaunchException(
                        "RELAY_CLUSTER=true needs RELAY_CLUSTER_PASSWORD, the same on every"
                            + " member: relays with another password never join this cluster"));
    if (password.length() < 12) {
      throw new LaunchException("RELAY_CLUSTER_PASSWORD must be at least 12 characters long");
    }
    String name = value(source, "RELAY_CLUSTER_NAME").orElse("claude-relay");
    int port = DEFAULT_PORT;
    Optional<String> portValue = value(source, "RELAY_CLUSTER_PORT");
    if (portValue.isPresent()) {
      try {
        port = Integer.parseInt(portValue.get());
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 1 || port > 65535) {
        throw new LaunchException(
            "RELAY_CLUSTER_PORT must be a port number, was '" + portValue.get() + "'");
      }
    }
    Optional<String> networkInterface =
        value(source, "RELAY_CLUSTER_INTERFACE")
            .or(
                () ->
                    "0.0.0.0".equals(bindAddress) || "::".equals(bindAddress)
                        ? Optional.empty()
                        : Optional.of(bindAddress));
    return Optional.of(
        new ClusterSettings(
            List.copyOf(members), gridName(name, password), port, networkInterface));
  }

  /** {@code name-<16 hex digits of SHA-256(name, password)>}: the password never leaves as is. */
  static String gridName(String name, String password) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((name + "\n" + password).getBytes(StandardCharsets.UTF_8));
      return name + "-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Payara Micro's arguments for this membership. */
  List<String> payaraArguments() {
    List<String> arguments = new ArrayList<>();
    arguments.add("--clustermode");
    arguments.add("tcpip:" + String.join(",", members));
    arguments.add("--clustername");
    arguments.add(gridName);
    arguments.add("--startport");
    arguments.add(Integer.toString(port));
    networkInterface.ifPresent(
        address -> {
          arguments.add("--interfaces");
          arguments.add(address);
        });
    // Members are told apart by address and port, not by host: several may share a machine.
    arguments.add("--nohostaware");
    return arguments;
  }

  private static Optional<String> value(Function<String, String> source, String name) {
    return Optional.ofNullable(source.apply(name)).map(String::strip).filter(v -> !v.isEmpty());
  }
}
