package dev.clauderelay.gateway.infrastructure.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import dev.clauderelay.gateway.infrastructure.config.RelayConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * This relay's place in a cluster of relays ({@code RELAY_CLUSTER=true}): events published to every
 * other member, handlers for the events they publish, shared maps for the admin path, and which
 * member runs the once-per-cluster work. Off by default, and then every method is a cheap no-op: a
 * single relay is its own leader and publishes nothing.
 *
 * <p>The grid is Payara Micro's own Hazelcast, found at {@value #JNDI_NAME}; the launcher starts it
 * with the member list. Events are strings (fields split by a control character), so no class of
 * this application is ever deserialised by Hazelcast, whose class loader does not see them. A
 * publish never waits on the network: the request path only hands the event over.
 *
 * <p>Each member keeps its own view and applies the others' events as they arrive, so a member that
 * loses the grid keeps serving from its last view; {@link #status()} then says {@code degraded},
 * and Hazelcast merges it back when the network returns.
 */
@Singleton
public class RelayCluster {

  private static final Logger LOG = Logger.getLogger(RelayCluster.class.getName());

  static final String JNDI_NAME = "payara/Hazelcast";
  static final String TOPIC = "claude-relay.events";
  private static final char SEPARATOR = '\u001f';

  @Inject private RelayConfig config;
  @Resource private ManagedScheduledExecutorService scheduler;

  private boolean enabled;
  private int listedMembers;
  private volatile HazelcastInstance grid;
  private volatile ITopic<String> topic;
  private volatile String lastProblem;
  private final Map<String, Consumer<List<String>>> handlers = new ConcurrentHashMap<>();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong failedPublishes = new AtomicLong();
  private ScheduledFuture<?> connecting;
  private UUID listener;

  @PostConstruct
  void start() {
    enabled = config.optional("RELAY_CLUSTER").map(Boolean::parseBoolean).orElse(false);
    if (!enabled) {
      return;
    }
    listedMembers =
        (int)
            Arrays.stream(config.optional("RELAY_CLUSTER_MEMBERS").orElse("").split(","))
                .map(String::strip)
                .filter(member -> !member.isEmpty())
                .count();
    if (!connect()) {
      connecting = scheduler.scheduleWithFixedDelay(this::connectUntilDone, 2, 2, TimeUnit.SECONDS);
    }
  }

  private void connectUntilDone() {
    if (connect() && connecting != null) {
      connecting.cancel(false);
    }
  }

  private synchronized boolean connect() {
    if (topic != null) {
      return true;
    }
    try {
      HazelcastInstance found = (HazelcastInstance) new InitialContext().lookup(JNDI_NAME);
      ITopic<String> events = found.getTopic(TOPIC);
      listener = events.addMessageListener(this::deliver);
      grid = found;
      topic = events;
      lastProblem = null;
      LOG.info(
          () ->
              "Joined the relay cluster as "
                  + found.getCluster().getLocalMember().getAddress()
                  + " with "
                  + found.getCluster().getMembers().size()
                  + " member(s)");
      return true;
    } catch (NamingException | RuntimeException e) {
      lastProblem = "the data grid is not available: " + e.getMessage();
      LOG.log(Level.WARNING, "RELAY_CLUSTER is on but {0}; retrying", lastProblem);
      return false;
    }
  }

  @PreDestroy
  void stop() {
    if (connecting != null) {
      connecting.cancel(false);
    }
    ITopic<String> events = topic;
    if (events != null && listener != null) {
      try {
        events.removeMessageListener(listener);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Could not remove the cluster listener", e);
      }
    }
  }

  /** Whether this relay was started as a member of a cluster. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Sends an event to every other member; returns at once and never throws. Fields must be short:
   * an event is one string.
   */
  public void publish(String channel, Object... fields) {
    ITopic<String> events = topic;
    if (events == null) {
      return;
    }
    StringBuilder message = new StringBuilder(64).append(channel);
    for (Object field : fields) {
      message.append(SEPARATOR);
      if (field != null) {
        String text = field.toString();
        message.append(text.indexOf(SEPARATOR) < 0 ? text : text.replace(SEPARATOR, ' '));
      }
    }
    try {
      events.publishAsync(message.toString());
      published.incrementAndGet();
    } catch (RuntimeException e) {
      failedPublishes.incrementAndGet();
      lastProblem = "publishing failed: " + e.getMessage();
    }
  }

  /**
   * Runs {@code handler} (on a grid thread: it must not block) for each event of {@code channel}.
   */
  public void subscribe(String channel, Consumer<List<String>> handler) {
    handlers.put(channel, handler);
  }

  private void deliver(Message<String> message) {
    Member from = message.getPublishingMember();
    if (from != null && from.localMember()) {
      return;
    }
    List<String> parts = split(message.getMessageObject());
    if (parts.isEmpty()) {
      return;
    }
    Consumer<List<String>> handler = handlers.get(parts.get(0));
    if (handler == null) {
      return;
    }
    received.incrementAndGet();
    try {
      handler.accept(parts.subList(1, parts.size()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A cluster event of channel " + parts.get(0) + " failed", e);
    }
  }

  static List<String> split(String message) {
    List<String> parts = new ArrayList<>(6);
    if (message == null) {
      return parts;
    }
    int start = 0;
    for (int i = 0; i < message.length(); i++) {
      if (message.charAt(i) == SEPARATOR) {
        parts.add(message.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(message.substring(start));
    return parts;
  }

  /**
   * Whether this member runs the work done once per cluster (token refresh, probes, maintenance):
   * the oldest member. A single relay, and a member cut off from the grid, lead themselves.
   */
  public boolean leads() {
    HazelcastInstance current = grid;
    if (!enabled || current == null) {
      return true;
    }
    try {
      Iterator<Member> members = current.getCluster().getMembers().iterator();
      return !members.hasNext() || members.next().localMember();
    } catch (RuntimeException e) {
      return true;
    }
  }

  /** A map every member shares, when the grid is there; the admin path only (it may be remote). */
  public Optional<IMap<String, String>> sharedMap(String name) {
    HazelcastInstance current = grid;
    if (current == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(current.getMap(name));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The cluster as this member sees it, for {@code /health}. */
  public Status status() {
    if (!enabled) {
      return new Status("off", 0, 0, true, null, 0, 0);
    }
    HazelcastInstance current = grid;
    if (current == null) {
      return new Status(
          "degraded", 0, listedMembers, true, lastProblem, published.get(), received.get());
    }
    try {
      if (!current.getLifecycleService().isRunning()) {
        return new Status(
            "degraded",
            0,
            listedMembers,
            true,
            "the data grid is not running",
            published.get(),
            received.get());
      }
      int members = current.getCluster().getMembers().size();
      String problem =
          members < listedMembers
              ? "sees " + members + " of the " + listedMembers + " listed members"
              : null;
      return new Status(
          problem == null ? "ok" : "degraded",
          members,
          listedMembers,
          leads(),
          problem,
          published.get(),
          received.get());
    } catch (RuntimeException e) {
      return new Status(
          "degraded", 0, listedMembers, true, e.getMessage(), published.get(), received.get());
    }
  }

  /**
   * @param state {@code off}, {@code ok} or {@code degraded}
   * @param members members this one sees, itself included
   * @param listed members in {@code RELAY_CLUSTER_MEMBERS}
   * @param leader whether this member runs the once-per-cluster work
   * @param problem why it is degraded
   */
  public record Status(
      String state,
      int members,
      int listed,
      boolean leader,
      String problem,
      long eventsPublished,
      long eventsReceived) {}
}
