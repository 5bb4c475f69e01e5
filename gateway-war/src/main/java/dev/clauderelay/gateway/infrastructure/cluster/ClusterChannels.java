package dev.clauderelay.gateway.infrastructure.cluster;

/** The kinds of events relays of a cluster send each other; one name per kind, fields in order. */
public final class ClusterChannels {

  /** An admin changed the configuration: reason. Every other relay rebuilds its tables. */
  public static final String TOPOLOGY = "topology";

  /** A key's status from traffic or a probe: keyId, status, untilMillis, reason. */
  public static final String KEY_STATUS = "key";

  /** A key rests for one model: keyId, model, status, untilMillis, reason. */
  public static final String KEY_MODEL_REST = "key-model";

  /** A Claude account rests: accountId, untilMillis, reason. */
  public static final String ACCOUNT_LIMITED = "account";

  /** A session uses another credential: scope ({@code p<providerId>} or accounts), session, id. */
  public static final String SESSION_BOUND = "session";

  /** A client key's request let through by its per-minute limit: clientKeyId, minute. */
  public static final String CLIENT_KEY_COUNTED = "client-rpm";

  /** A client key's finished request: clientKeyId, atMillis, costNanos, tokens. */
  public static final String CLIENT_KEY_SPENT = "client-spend";

  /** A failed admin sign-in: client address. */
  public static final String LOGIN_FAILED = "login-failed";

  /** A successful admin sign-in: client address. */
  public static final String LOGIN_SUCCEEDED = "login-ok";

  /** The shared map of admin sessions: token hash -> username, tab, expiry in epoch millis. */
  public static final String ADMIN_SESSIONS_MAP = "claude-relay.admin-sessions";

  private ClusterChannels() {}
}
