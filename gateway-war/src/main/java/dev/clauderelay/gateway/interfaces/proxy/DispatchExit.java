package dev.clauderelay.gateway.interfaces.proxy;

import jakarta.servlet.AsyncContext;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells whether the container dispatch that started an asynchronous request has returned.
 *
 * <p>Why: on Payara 6 a response committed and completed by another thread while that dispatch is
 * still running is never finished (the client waits forever); it happens whenever an upstream
 * answers faster than the servlet returns. The relay holds its bytes until the dispatch is over.
 * Payara keeps that fact in its {@code AsyncContextImpl} ({@code isDelayAsyncDispatchAndComplete},
 * true until the dispatch exits); on another container the answer is "returned" after a grace
 * period.
 */
final class DispatchExit {

  private static final long GRACE_NANOS = 20_000_000L;
  private static final Map<Class<?>, Method> PROBES = new ConcurrentHashMap<>();
  private static final Method NO_PROBE;

  static {
    try {
      NO_PROBE = Object.class.getMethod("hashCode");
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private DispatchExit() {}

  /**
   * @param servletDoneNanos when the servlet's own code finished, for the grace period fallback
   */
  static boolean hasReturned(AsyncContext async, long servletDoneNanos) {
    Method probe = PROBES.computeIfAbsent(async.getClass(), DispatchExit::probe);
    if (probe != NO_PROBE) {
      try {
        return !(Boolean) probe.invoke(async);
      } catch (ReflectiveOperationException | RuntimeException e) {
        PROBES.put(async.getClass(), NO_PROBE);
      }
    }
    return System.nanoTime() - servletDoneNanos > GRACE_NANOS;
  }

  private static Method probe(Class<?> type) {
    try {
      Method method = type.getDeclaredMethod("isDelayAsyncDispatchAndComplete");
      method.setAccessible(true);
      return method;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return NO_PROBE;
    }
  }
}
