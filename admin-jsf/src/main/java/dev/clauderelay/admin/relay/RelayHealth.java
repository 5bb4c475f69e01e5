package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.util.List;

/** What {@code GET /health} says about the relay. */
public record RelayHealth(
    String status, String version, long uptimeSeconds, Database database, Plugins plugins)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The database the gateway uses; {@code error} is null while it answers. */
  public record Database(String status, boolean embedded, long latencyMs, String error)
      implements Serializable {

    private static final long serialVersionUID = 1L;
  }

  /** How many plugins are loaded, and how many key selection strategies they bring. */
  public record Plugins(int loaded, List<String> ids, int strategies) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Plugins {
      ids = List.copyOf(ids);
    }
  }
}
