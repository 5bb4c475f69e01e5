package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;

/**
 * {@code GET /health}: {@code ok}, {@code degraded} (no key selection strategy loaded) or {@code
 * down} (the database does not answer; HTTP 503 with this same body), and what it is made of.
 */
public record RelayHealth(
    @JsonProperty(required = true) String status,
    String version,
    long uptimeSeconds,
    Database database,
    Plugins plugins,
    RequestBodies requestBodies,
    Cluster cluster)
    implements Serializable {

  /**
   * The relay's cluster as this member sees it: {@code off} (a single relay), {@code ok}, or {@code
   * degraded} (the grid is out of reach or some listed members are missing: this member serves from
   * its last view and rejoins by itself).
   */
  public record Cluster(
      String state,
      int members,
      int listed,
      boolean leader,
      @JsonInclude(JsonInclude.Include.NON_NULL) String problem)
      implements Serializable {}

  /** The database the gateway uses; {@code error} only while it does not answer. */
  public record Database(
      String status,
      boolean embedded,
      long latencyMs,
      @JsonInclude(JsonInclude.Include.NON_NULL) String error)
      implements Serializable {}

  /** How many plugins are loaded, their ids, and how many key selection strategies they bring. */
  public record Plugins(int loaded, List<String> ids, int strategies) implements Serializable {}

  /** Request bodies being read now, the bytes they hold and the budget for all of them. */
  public record RequestBodies(int reading, long heldBytes, long budgetBytes)
      implements Serializable {}
}
