package dev.clauderelay.gateway.testclock;

import dev.clauderelay.gateway.infrastructure.config.RelayClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.atomic.AtomicLong;

/** The relay's clock, moved forward by {@link ClockServlet}: budgets reset without waiting. */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
public class MovableRelayClock extends RelayClock {

  static final AtomicLong OFFSET_MILLIS = new AtomicLong();

  @Override
  public long millis() {
    return System.currentTimeMillis() + OFFSET_MILLIS.get();
  }
}
