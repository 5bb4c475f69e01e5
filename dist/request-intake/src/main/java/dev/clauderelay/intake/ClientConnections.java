package dev.clauderelay.intake;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the Servlet API cannot do with a client's connection, done through Payara's HTTP layer
 * (Grizzly): hear at once when a client hangs up while its request waits on the upstream, before a
 * byte of the answer exists (the upstream call is then cancelled instead of running, and billing,
 * until it answers), and close a connection whose client was refused for trickling its body.
 *
 * <p>And say whether a write to the client's connection can be made without blocking ({@link
 * #writeRoom}): the Servlet API's {@code isReady()} would, but Payara 6 keeps its answer in a field
 * that only the container's own threads may read.
 *
 * <p>Why this reaches into the server: once a request's body is read, Payara's HTTP layer (Grizzly)
 * stops reading its connection until the response is done, so a client's close stays unseen in the
 * socket until the relay writes, and the Servlet API offers no other way to learn of it. This asks
 * Grizzly to read the connection again and to say when it closes. Only a client that pipelines a
 * second request behind a {@code POST} would be affected (its next request would be read early);
 * HTTP clients do not pipeline {@code POST}s. On another container, or should Payara's internals
 * change, the watch is simply off and a hang-up is seen at the first write, as before.
 */
public final class ClientConnections {

  private static final Logger LOG = Logger.getLogger(ClientConnections.class.getName());
  private static final AtomicBoolean WARNED = new AtomicBoolean();
  private static final AtomicBoolean WARNED_ROOM = new AtomicBoolean();
  private static volatile Access access;
  private static volatile QueueAccess queueAccess;
  private static volatile ConnectionPath connectionPath;

  private ClientConnections() {}

  /**
   * Calls {@code onHangUp} (on a server thread, once) when the client's connection closes.
   *
   * @return what ends the watch, to be run before the response's last bytes are written (a client
   *     sends its next request on a kept-alive connection as soon as it has read them, and that
   *     request must not be read while this one is still being served), or {@code null} when the
   *     watch could not be set
   */
  public static Runnable watchHangUp(ServletRequest request, Runnable onHangUp) {
    try {
      Object connection = connection(request);
      if (connection == null) {
        return null;
      }
      Access reflected = access(connection);
      AtomicBoolean fired = new AtomicBoolean();
      InvocationHandler handler =
          (proxy, method, args) -> {
            if ("onClosed".equals(method.getName())) {
              if (fired.compareAndSet(false, true)) {
                onHangUp.run();
              }
              return null;
            }
            return switch (method.getName()) {
              case "hashCode" -> System.identityHashCode(proxy);
              case "equals" -> proxy == args[0];
              case "toString" -> "relay hang-up watch";
              default -> null;
            };
          };
      Object listener =
          Proxy.newProxyInstance(
              reflected.closeListener.getClassLoader(),
              new Class<?>[] {reflected.closeListener},
              handler);
      reflected.addCloseListener.invoke(connection, listener);
      reflected.enableIoEvent.invoke(connection, reflected.readEvent);
      AtomicBoolean ended = new AtomicBoolean();
      return () -> {
        if (!ended.compareAndSet(false, true)) {
          return;
        }
        fired.set(true);
        try {
          // Reading stops again, as Grizzly left it: the client's next request on this
          // connection must wait for this response's end, not be read into it.
          reflected.disableIoEvent.invoke(connection, reflected.readEvent);
          reflected.removeCloseListener.invoke(connection, listener);
        } catch (ReflectiveOperationException | RuntimeException e) {
          // the connection is gone with its listeners
        }
      };
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      if (WARNED.compareAndSet(false, true)) {
        LOG.log(
            Level.INFO,
            "Client hang-ups before the first answer byte are noticed only at the first write"
                + " on this server ({0})",
            e.toString());
      }
      return null;
    }
  }

  /**
   * Whether a write of so many bytes to a client's connection returns without waiting for the
   * client. Grizzly queues what the socket does not take at once and makes a writer wait only while
   * that queue holds its connection's bound or more, so a write that leaves the queue below the
   * bound never waits. Thread-safe: the queue's size is a volatile counter.
   */
  @FunctionalInterface
  public interface WriteRoom {
    /** Whether {@code bytes} more can be written now without the write waiting for the client. */
    boolean takes(int bytes);
  }

  /** Said when a connection cannot be looked into: every write may then wait. */
  private static final WriteRoom NO_ROOM = bytes -> false;

  /**
   * The write room of a request's connection, taken while the request is live; on another
   * container, or should Payara's internals change, it never has room (every write is then treated
   * as one that may wait).
   */
  public static WriteRoom writeRoom(ServletRequest request) {
    try {
      Object connection = connection(request);
      if (connection == null) {
        return NO_ROOM;
      }
      QueueAccess reflected = queueAccess(connection);
      int bound = (int) reflected.bound.invokeExact(connection);
      if (bound < 0) {
        return bytes -> true; // an unbounded queue: Grizzly never makes a writer wait
      }
      Object queue = reflected.queue.invokeExact(connection);
      MethodHandle queued = reflected.queued;
      return bytes -> {
        try {
          return (long) (int) queued.invokeExact(queue) + bytes < bound;
        } catch (Throwable e) {
          return false; // the connection is gone: the write fails on its own
        }
      };
    } catch (Throwable e) {
      if (e instanceof VirtualMachineError fatal) {
        throw fatal;
      }
      if (WARNED_ROOM.compareAndSet(false, true)) {
        LOG.log(
            Level.INFO,
            "Answers are written to clients from a thread of their own on this server ({0})",
            e.toString());
      }
      return NO_ROOM;
    }
  }

  /**
   * What closes the client's connection once what was written to it has gone out, so a client
   * refused for sending too slowly is not left holding it while the server swallows the rest of its
   * body. Taken while the request is live (a completed request's objects are recycled), run after
   * it is complete.
   */
  static Runnable closer(ServletRequest request) {
    try {
      Object connection = connection(request);
      if (connection == null) {
        return () -> {};
      }
      Method close = access(connection).close;
      return () -> {
        try {
          close.invoke(connection);
        } catch (ReflectiveOperationException | RuntimeException e) {
          // already closed
        }
      };
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return () -> {}; // the server closes it at its own idle timeout instead
    }
  }

  /** The Grizzly connection of a Payara request, through its facade. */
  private static Object connection(ServletRequest request) throws ReflectiveOperationException {
    while (request instanceof ServletRequestWrapper wrapper) {
      request = wrapper.getRequest();
    }
    ConnectionPath path = connectionPath;
    if (path == null || path.facade != request.getClass()) {
      Field inner = field(request.getClass(), "request");
      if (inner == null) {
        return null;
      }
      Object catalinaRequest = inner.get(request);
      Method coyote = catalinaRequest.getClass().getMethod("getCoyoteRequest");
      Object grizzlyRequest = coyote.invoke(catalinaRequest);
      path =
          new ConnectionPath(
              request.getClass(),
              inner,
              catalinaRequest.getClass(),
              coyote,
              grizzlyRequest.getClass(),
              grizzlyRequest.getClass().getMethod("getConnection"));
      connectionPath = path;
    }
    // Looked up once: Class.getMethod on every request cost a percent of a small request's CPU.
    Object catalinaRequest = path.inner.get(request);
    if (catalinaRequest.getClass() != path.catalinaType) {
      connectionPath = null;
      return connection(request);
    }
    Object grizzlyRequest = path.coyote.invoke(catalinaRequest);
    if (grizzlyRequest.getClass() != path.grizzlyType) {
      connectionPath = null;
      return connection(request);
    }
    return path.connection.invoke(grizzlyRequest);
  }

  /** How a facade of one class leads to its Grizzly connection. */
  private record ConnectionPath(
      Class<?> facade,
      Field inner,
      Class<?> catalinaType,
      Method coyote,
      Class<?> grizzlyType,
      Method connection) {}

  private static Field field(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // look further up
      }
    }
    return null;
  }

  private static Access access(Object connection) throws ReflectiveOperationException {
    Access known = access;
    if (known != null) {
      return known;
    }
    ClassLoader loader = connection.getClass().getClassLoader();
    Class<?> connectionType = Class.forName("org.glassfish.grizzly.Connection", false, loader);
    Class<?> closeListener = Class.forName("org.glassfish.grizzly.CloseListener", false, loader);
    Class<?> ioEvent = Class.forName("org.glassfish.grizzly.IOEvent", false, loader);
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object read = Enum.valueOf((Class) ioEvent, "READ");
    known =
        new Access(
            closeListener,
            connectionType.getMethod("addCloseListener", closeListener),
            connectionType.getMethod("removeCloseListener", closeListener),
            connectionType.getMethod("enableIOEvent", ioEvent),
            connectionType.getMethod("disableIOEvent", ioEvent),
            connectionType.getMethod("close"),
            read);
    access = known;
    return known;
  }

  private static QueueAccess queueAccess(Object connection) throws ReflectiveOperationException {
    QueueAccess known = queueAccess;
    if (known != null && known.connectionType == connection.getClass()) {
      return known;
    }
    Class<?> connectionType = connection.getClass();
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    Method queueMethod = connectionType.getMethod("getAsyncWriteQueue");
    MethodHandle bound =
        lookup
            .unreflect(connectionType.getMethod("getMaxAsyncWriteQueueSize"))
            .asType(MethodType.methodType(int.class, Object.class));
    MethodHandle queue =
        lookup.unreflect(queueMethod).asType(MethodType.methodType(Object.class, Object.class));
    MethodHandle queued =
        lookup
            .unreflect(queueMethod.getReturnType().getMethod("spaceInBytes"))
            .asType(MethodType.methodType(int.class, Object.class));
    known = new QueueAccess(connectionType, bound, queue, queued);
    queueAccess = known;
    return known;
  }

  /** Grizzly's NIOConnection: its write queue's bound, the queue, and the bytes the queue holds. */
  private record QueueAccess(
      Class<?> connectionType, MethodHandle bound, MethodHandle queue, MethodHandle queued) {}

  private record Access(
      Class<?> closeListener,
      Method addCloseListener,
      Method removeCloseListener,
      Method enableIoEvent,
      Method disableIoEvent,
      Method close,
      Object readEvent) {}
}
