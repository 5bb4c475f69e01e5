package dev.clauderelay.gateway.interfaces.lifecycle;

import dev.clauderelay.gateway.application.relay.ExchangeWatchdog;
import dev.clauderelay.gateway.interfaces.intake.RequestBodies;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * The gateway's side of a graceful stop: once told, new client requests get {@code 529} (so a
 * client retries, on another relay behind the same address if there is one) and health says {@code
 * stopping} with {@code 503} (so a load balancer stops sending), while the requests in flight,
 * streams included, run to their end.
 */
@ApplicationScoped
public class GatewayControl implements GatewayControlMBean {

  /** Where the launcher finds it. */
  public static final String OBJECT_NAME = "dev.clauderelay:type=GatewayControl";

  private static final Logger LOG = Logger.getLogger(GatewayControl.class.getName());

  @Inject private ExchangeWatchdog watchdog;
  @Inject private RequestBodies bodies;

  private volatile boolean stopping;
  private ObjectName registered;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      ObjectName name = new ObjectName(OBJECT_NAME);
      if (server.isRegistered(name)) {
        server.unregisterMBean(name); // left by an earlier deployment of this application
      }
      server.registerMBean(new StandardMBean(this, GatewayControlMBean.class), name);
      registered = name;
    } catch (JMException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "The launcher cannot ask this relay to finish its requests before it stops: {0}",
          e.toString());
    }
  }

  @PreDestroy
  void unregister() {
    if (registered != null) {
      try {
        ManagementFactory.getPlatformMBeanServer().unregisterMBean(registered);
      } catch (JMException e) {
        // already gone
      }
    }
  }

  @Override
  public int getOpenRequests() {
    return inApplication(() -> watchdog.openExchanges() + bodies.intake().reading());
  }

  @Override
  public boolean isStopping() {
    return stopping;
  }

  @Override
  public void stopTakingRequests() {
    if (stopping) {
      return;
    }
    stopping = true;
    int open = getOpenRequests();
    inApplication(
        () -> {
          LOG.info(
              () ->
                  "Taking no new requests; "
                      + open
                      + " in flight go on to their end before the relay stops");
          return null;
        });
  }

  /**
   * Runs {@code work} with the application's class loader as the thread's context loader: the
   * launcher calls from a thread of its own (its signal handler's), which has none, and CDI's
   * proxies and the container's logging need one.
   */
  private <T> T inApplication(Supplier<T> work) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(GatewayControl.class.getClassLoader());
    try {
      return work.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
