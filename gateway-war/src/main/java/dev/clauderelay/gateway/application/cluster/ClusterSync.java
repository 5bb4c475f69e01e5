package dev.clauderelay.gateway.application.cluster;

import dev.clauderelay.gateway.application.account.AccountPool;
import dev.clauderelay.gateway.application.pool.KeyHealth;
import dev.clauderelay.gateway.application.pool.KeyPool;
import dev.clauderelay.gateway.application.pool.KeyPools;
import dev.clauderelay.gateway.application.pool.PoolEvents;
import dev.clauderelay.gateway.application.relay.ClientKeyAuthenticator;
import dev.clauderelay.gateway.application.topology.TopologyService;
import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import dev.clauderelay.gateway.infrastructure.cluster.ClusterChannels;
import dev.clauderelay.gateway.infrastructure.cluster.RelayCluster;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Wires this relay's pools, accounts and client-key limits to the cluster: their changes go out as
 * events, the other relays' come in and are applied to the local view. Nothing here waits on the
 * network: a publish hands the event over, and an event arriving only touches memory (a
 * configuration change is rebuilt on a managed thread, as after a local admin write).
 */
@Singleton
@Startup
@DependsOn("TopologyService")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ClusterSync {

  private static final Logger LOG = Logger.getLogger(ClusterSync.class.getName());
  static final String ACCOUNTS = "accounts";

  @Inject private RelayCluster cluster;
  @Inject private TopologyService topology;
  @Inject private ClientKeyAuthenticator clientKeys;
  @Resource private ManagedExecutorService executor;

  @PostConstruct
  void wire() {
    if (!cluster.enabled()) {
      return;
    }
    KeyPools pools = topology.pools();
    AccountPool accounts = topology.accounts();
    pools.events(
        new PoolEvents() {
          @Override
          public void keyStatusChanged(KeyHealth key) {
            cluster.publish(
                ClusterChannels.KEY_STATUS,
                key.keyId(),
                key.status().name(),
                key.statusUntilMillis(),
                key.statusReason());
          }

          @Override
          public void keyModelRested(
              long keyId, String model, KeyStatus status, long untilMillis, String reason) {
            cluster.publish(
                ClusterChannels.KEY_MODEL_REST, keyId, model, status.name(), untilMillis, reason);
          }

          @Override
          public void sessionBound(String scope, String session, long credentialId) {
            cluster.publish(ClusterChannels.SESSION_BOUND, scope, session, credentialId);
          }
        });
    accounts.events(
        new AccountPool.Events() {
          @Override
          public void limited(long accountId, long untilMillis, String reason) {
            cluster.publish(ClusterChannels.ACCOUNT_LIMITED, accountId, untilMillis, reason);
          }

          @Override
          public void sessionBound(String session, long accountId) {
            cluster.publish(ClusterChannels.SESSION_BOUND, ACCOUNTS, session, accountId);
          }
        });
    clientKeys.onCounted(
        (clientKeyId, minute) ->
            cluster.publish(ClusterChannels.CLIENT_KEY_COUNTED, clientKeyId, minute));

    cluster.subscribe(ClusterChannels.TOPOLOGY, this::rebuild);
    cluster.subscribe(
        ClusterChannels.KEY_STATUS,
        f ->
            pools.applyRemoteStatus(
                Long.parseLong(f.get(0)),
                KeyStatus.valueOf(f.get(1)),
                Long.parseLong(f.get(2)),
                f.get(3)));
    cluster.subscribe(
        ClusterChannels.KEY_MODEL_REST,
        f ->
            pools.applyRemoteModelRest(
                Long.parseLong(f.get(0)),
                f.get(1),
                KeyStatus.valueOf(f.get(2)),
                Long.parseLong(f.get(3)),
                f.get(4)));
    cluster.subscribe(
        ClusterChannels.ACCOUNT_LIMITED,
        f ->
            accounts.applyRemoteLimit(
                Long.parseLong(f.get(0)), Long.parseLong(f.get(1)), f.get(2)));
    cluster.subscribe(ClusterChannels.SESSION_BOUND, f -> bind(pools, accounts, f));
    cluster.subscribe(
        ClusterChannels.CLIENT_KEY_COUNTED,
        f -> clientKeys.countRemote(Long.parseLong(f.get(0)), Long.parseLong(f.get(1))));
  }

  private void rebuild(List<String> fields) {
    String reason = fields.isEmpty() ? "a change" : fields.get(0);
    try {
      executor.submit(() -> topology.rebuild("on another relay: " + reason));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not rebuild after a change on another relay", e);
    }
  }

  private static void bind(KeyPools pools, AccountPool accounts, List<String> fields) {
    String scope = fields.get(0);
    String session = fields.get(1);
    long id = Long.parseLong(fields.get(2));
    if (ACCOUNTS.equals(scope)) {
      accounts.bindRemote(session, id);
    } else if (scope.startsWith("p")) {
      KeyPool pool = pools.existing(Long.parseLong(scope.substring(1)));
      if (pool != null) {
        pool.bindRemote(session, id);
      }
    }
  }
}
