package dev.clauderelay.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Takes SIGTERM and SIGINT for the launcher, so that it stops the relay in its own order instead of
 * in the JVM's shutdown, where every hook runs at once and Payara's would race the database's. Uses
 * {@code sun.misc.Signal} (module {@code jdk.unsupported}); where it is missing, the shutdown hook
 * remains the fallback.
 */
final class StopSignals {

  private StopSignals() {}

  static void install(Runnable stop) {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Object handler =
          java.lang.reflect.Proxy.newProxyInstance(
              StopSignals.class.getClassLoader(),
              new Class<?>[] {handlerClass},
              (proxy, method, args) -> {
                if ("handle".equals(method.getName())) {
                  Thread stopping = new Thread(stop, "claude-relay-stop");
                  stopping.start();
                }
                return null;
              });
      for (String name : new String[] {"TERM", "INT"}) {
        Object signal = signalClass.getConstructor(String.class).newInstance(name);
        signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
      }
    } catch (ReflectiveOperationException | RuntimeException unavailable) {
      // The JVM shutdown hook stops the relay instead.
    }
  }

  /** The process's standard error, whatever Payara has done to System.err. */
  static PrintStream console() {
    return new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
  }
}
