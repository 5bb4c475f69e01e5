package dev.clauderelay.gateway.application.internal;

import com.hazelcast.map.IMap;
import dev.clauderelay.gateway.infrastructure.cluster.ClusterChannels;
import dev.clauderelay.gateway.infrastructure.cluster.RelayCluster;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Admin sessions in the cluster's grid: token hash -> username and expiry, as a string, each entry
 * living no longer than its session. Every call is bounded to two seconds, so a grid in trouble
 * slows an admin's request at most that long before the local copy decides.
 */
final class GridAdminSessions implements AdminSessions.Shared {

  private static final long WAIT_SECONDS = 2;

  private final RelayCluster cluster;

  GridAdminSessions(RelayCluster cluster) {
    this.cluster = cluster;
  }

  private IMap<String, String> map() {
    return cluster
        .sharedMap(ClusterChannels.ADMIN_SESSIONS_MAP)
        .orElseThrow(() -> new IllegalStateException("the cluster's grid is not available"));
  }

  @Override
  public void put(String tokenHash, String username, long expiresAtMillis) {
    long ttl = Math.max(1, expiresAtMillis - System.currentTimeMillis());
    await(
        map()
            .putAsync(tokenHash, username + '\t' + expiresAtMillis, ttl, TimeUnit.MILLISECONDS)
            .toCompletableFuture());
  }

  @Override
  public Optional<Map.Entry<String, Long>> get(String tokenHash) {
    String value = await(map().getAsync(tokenHash).toCompletableFuture());
    if (value == null) {
      return Optional.empty();
    }
    int tab = value.lastIndexOf('\t');
    return Optional.of(
        new AbstractMap.SimpleImmutableEntry<>(
            value.substring(0, tab), Long.parseLong(value.substring(tab + 1))));
  }

  @Override
  public void remove(String tokenHash) {
    await(map().removeAsync(tokenHash).toCompletableFuture());
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> pending) {
    try {
      return pending.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the grid", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the grid did not answer: " + e, e);
    }
  }
}
