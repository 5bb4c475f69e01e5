package dev.clauderelay.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher's half of a graceful stop, against a stand-in of the gateway's MBean with the same
 * attribute and operation names (the gateway's {@code GatewayControlMBean}).
 */
class InFlightRequestsTest {

  /** The names the launcher calls, as the gateway's interface declares them. */
  public interface GatewayControlMBean {
    int getOpenRequests();

    boolean isStopping();

    void stopTakingRequests();
  }

  /** Open requests that end one per poll once the gateway stopped taking new ones. */
  static final class Gateway implements GatewayControlMBean {
    final AtomicInteger open = new AtomicInteger();
    final AtomicBoolean stopping = new AtomicBoolean();
    volatile boolean finishing = true;

    @Override
    public int getOpenRequests() {
      return finishing && stopping.get() && open.get() > 0 ? open.decrementAndGet() : open.get();
    }

    @Override
    public boolean isStopping() {
      return stopping.get();
    }

    @Override
    public void stopTakingRequests() {
      stopping.set(true);
    }
  }

  private final MBeanServer server = MBeanServerFactory.newMBeanServer();
  private final Gateway gateway = new Gateway();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @BeforeEach
  void register() throws Exception {
    server.registerMBean(
        new StandardMBean(gateway, GatewayControlMBean.class),
        new ObjectName(InFlightRequests.GATEWAY_CONTROL));
  }

  @Test
  void stopsTheGatewayTakingRequestsAndWaitsForThoseInFlight() {
    gateway.open.set(3);

    int left = new InFlightRequests(server).finish(Duration.ofSeconds(10), () -> false, console);

    assertThat(gateway.stopping).isTrue();
    assertThat(left).isZero();
    assertThat(gateway.open).hasValue(0);
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Finishing 2 request(s)");
  }

  @Test
  void noRequestInFlightMeansNoWaitAndNothingSaid() {
    long started = System.nanoTime();

    int left = new InFlightRequests(server).finish(Duration.ofSeconds(10), () -> false, console);

    assertThat(left).isZero();
    assertThat(gateway.stopping).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void givesUpWhenTheGraceHasPassed() {
    gateway.open.set(5);
    gateway.finishing = false;
    long started = System.nanoTime();

    int left = new InFlightRequests(server).finish(Duration.ofSeconds(1), () -> false, console);

    assertThat(left).isEqualTo(5);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("5 request(s) still in flight");
  }

  @Test
  void aSecondSignalEndsTheWait() {
    gateway.open.set(5);
    gateway.finishing = false;
    long started = System.nanoTime();

    int left = new InFlightRequests(server).finish(Duration.ofSeconds(30), () -> true, console);

    assertThat(left).isEqualTo(5);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aRelayWithoutTheGatewayStopsAtOnce() throws Exception {
    server.unregisterMBean(new ObjectName(InFlightRequests.GATEWAY_CONTROL));

    assertThat(new InFlightRequests(server).finish(Duration.ofSeconds(30), () -> false, console))
        .isZero();
  }
}
