package dev.clauderelay.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The first half of a graceful stop: the gateway is told to take no new requests, then given time
 * to finish the ones in flight (a Claude Code stream cut by a restart is sent again whole). The
 * gateway answers through its {@code GatewayControl} MBean: the launcher and the application share
 * the JVM but not a class loader, so the attribute and operation are called by name.
 */
final class InFlightRequests {

  static final String GATEWAY_CONTROL = "dev.clauderelay:type=GatewayControl";
  private static final long POLL_MILLIS = 100;

  private final MBeanServer server;
  private final ObjectName name;

  InFlightRequests(MBeanServer server) {
    this(server, GATEWAY_CONTROL);
  }

  InFlightRequests(MBeanServer server, String objectName) {
    this.server = server;
    try {
      this.name = new ObjectName(objectName);
    } catch (MalformedObjectNameException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * Stops the gateway taking requests and waits until none is open, {@code grace} has passed or
   * {@code forced} says to stop waiting.
   *
   * @return the requests still open when the wait ended (0 where there is no gateway to ask)
   */
  int finish(Duration grace, BooleanSupplier forced, PrintStream console) {
    try {
      if (!server.isRegistered(name)) {
        return 0;
      }
      server.invoke(name, "stopTakingRequests", null, null);
      int open = open();
      if (open == 0 || grace.isZero()) {
        return open;
      }
      console.println(
          "Finishing "
              + open
              + " request(s) in flight, for up to "
              + grace.toSeconds()
              + " s (RELAY_STOP_GRACE_SECONDS); press Ctrl-C again to stop at once.");
      long deadline = System.nanoTime() + grace.toNanos();
      while (open > 0 && !forced.getAsBoolean() && System.nanoTime() < deadline) {
        Thread.sleep(POLL_MILLIS);
        open = open();
      }
      if (open > 0) {
        console.println(open + " request(s) still in flight are cut.");
      }
      return open;
    } catch (JMException | RuntimeException e) {
      console.println("Could not wait for the requests in flight: " + e);
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private int open() throws JMException {
    return (Integer) server.getAttribute(name, "OpenRequests");
  }
}
