package dev.clauderelay.gateway.it;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the relays under test wrote to their console, which is their server log: the Arquillian
 * container copies every line of a Payara Micro process to this JVM's {@code System.out}, so a tee
 * installed before the first container starts sees all of it.
 */
final class ServerLog {

  private static final ByteArrayOutputStream CAPTURED = new ByteArrayOutputStream();
  private static boolean capturing;

  private ServerLog() {}

  /** Starts keeping a copy of {@code System.out}; the console still gets every byte. */
  static synchronized void capture() {
    if (capturing) {
      return;
    }
    PrintStream console = System.out;
    OutputStream tee =
        new OutputStream() {
          @Override
          public void write(int b) {
            console.write(b);
            synchronized (CAPTURED) {
              CAPTURED.write(b);
            }
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            console.write(bytes, offset, length);
            synchronized (CAPTURED) {
              CAPTURED.write(bytes, offset, length);
            }
          }

          @Override
          public void flush() {
            console.flush();
          }
        };
    System.setOut(new PrintStream(tee, true, StandardCharsets.UTF_8));
    capturing = true;
  }

  /** Everything captured so far. */
  static String text() {
    synchronized (CAPTURED) {
      return CAPTURED.toString(StandardCharsets.UTF_8);
    }
  }
}
