package dev.clauderelay.gateway.application.relay;

import dev.clauderelay.gateway.application.topology.ClientKeyView;
import dev.clauderelay.gateway.application.topology.CurrentTopology;
import dev.clauderelay.gateway.infrastructure.config.RelayConfig;
import dev.clauderelay.gateway.infrastructure.crypto.Secrets;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Recognises a client by its relay key ({@code x-api-key} or {@code Authorization: Bearer}), from
 * the in-memory topology, and holds each key to its requests-per-minute limit. With {@code
 * RELAY_ALLOW_ANONYMOUS=true} (local use only) requests without a key are let through.
 */
@ApplicationScoped
public class ClientKeyAuthenticator {

  @Inject private CurrentTopology topology;
  @Inject private RelayConfig config;

  private boolean anonymousAllowed;
  private final Map<Long, Window> windows = new ConcurrentHashMap<>();

  /** Told of each request a per-minute limit let through, for the other relays of a cluster. */
  public interface Counted {
    void counted(long clientKeyId, long minute);
  }

  private volatile Counted counted;

  @PostConstruct
  void init() {
    anonymousAllowed =
        config.optional("RELAY_ALLOW_ANONYMOUS").map(Boolean::parseBoolean).orElse(false);
  }

  /**
   * @return the key, or {@code null} for an anonymous request the relay allows
   * @throws GatewayError {@code authentication_error} for a missing, unknown, disabled or expired
   *     key
   */
  public ClientKeyView authenticate(String apiKeyHeader, String authorizationHeader) {
    String presented = apiKeyHeader;
    if ((presented == null || presented.isBlank()) && authorizationHeader != null) {
      String value = authorizationHeader.strip();
      if (value.length() > 7 && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
        presented = value.substring(7).strip();
      }
    }
    if (presented == null || presented.isBlank()) {
      if (anonymousAllowed) {
        return null;
      }
      throw new GatewayError(
          ErrorType.AUTHENTICATION,
          "x-api-key header is required: use a client key issued by this relay's admin.");
    }
    ClientKeyView key = topology.get().clientKeysByHash().get(Secrets.sha256Hex(presented.strip()));
    if (key == null) {
      throw new GatewayError(
          ErrorType.AUTHENTICATION, "invalid x-api-key: this relay does not know this key.");
    }
    if (!key.enabled()) {
      throw new GatewayError(
          ErrorType.AUTHENTICATION, "This client key is disabled; ask the relay's admin.");
    }
    if (key.expiresAtMillis() > 0 && System.currentTimeMillis() >= key.expiresAtMillis()) {
      throw new GatewayError(
          ErrorType.AUTHENTICATION,
          "This client key has expired; ask the relay's admin for a new one.");
    }
    return key;
  }

  /**
   * Counts a request against the key's per-minute limit.
   *
   * @return 0 when allowed, else the seconds until the next window
   */
  public long acquire(ClientKeyView key) {
    if (key == null || key.rpmLimit() <= 0) {
      return 0;
    }
    long now = System.currentTimeMillis();
    long wait = windows.computeIfAbsent(key.id(), id -> new Window()).acquire(key.rpmLimit(), now);
    Counted told = counted;
    if (wait == 0 && told != null) {
      told.counted(key.id(), now / 60_000);
    }
    return wait;
  }

  public void onCounted(Counted counted) {
    this.counted = counted;
  }

  /**
   * Counts a request another relay of the cluster let through in {@code minute}, so that a limit of
   * N a minute holds for the cluster, not for each relay.
   */
  public void countRemote(long clientKeyId, long minute) {
    windows.computeIfAbsent(clientKeyId, id -> new Window()).countRemote(minute);
  }

  /**
   * A fixed one-minute window: cheap, and exact about the limit within each minute. In a cluster it
   * also counts what the other relays let through in the same minute (as their events arrive).
   */
  private static final class Window {
    private final AtomicLong minute = new AtomicLong();
    private final AtomicLong count = new AtomicLong();
    private long remoteMinute;
    private long remoteCount;

    synchronized void countRemote(long eventMinute) {
      if (eventMinute > remoteMinute) {
        remoteMinute = eventMinute;
        remoteCount = 0;
      }
      if (eventMinute == remoteMinute) {
        remoteCount++;
      }
    }

    private synchronized long remote(long currentMinute) {
      return remoteMinute == currentMinute ? remoteCount : 0;
    }

    long acquire(int limit, long nowMillis) {
      long current = nowMillis / 60_000;
      long seen = minute.get();
      if (seen != current && minute.compareAndSet(seen, current)) {
        count.set(0);
      }
      if (count.incrementAndGet() + remote(current) <= limit) {
        return 0;
      }
      return Math.max(1, ((current + 1) * 60_000 - nowMillis + 999) / 1000);
    }
  }
}
