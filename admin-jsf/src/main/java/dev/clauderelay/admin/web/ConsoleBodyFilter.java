package dev.clauderelay.admin.web;

import dev.clauderelay.intake.BodyBudget;
import dev.clauderelay.intake.BodyFirstFilter;
import dev.clauderelay.intake.BodyIntake;
import dev.clauderelay.intake.BodyRules;
import dev.clauderelay.intake.RefusalWriter;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;

/**
 * Takes in the console's form posts before Faces reads them, without holding a thread while a slow
 * client sends: a visitor who is not signed in may post {@value #ANONYMOUS_MAX_BYTES} bytes (the
 * sign-in form), a signed-in admin up to {@value #SIGNED_IN_MAX_BYTES} (a key import), and a body
 * that stalls or trickles is refused. Last of the console's filters, so the others have run.
 */
public class ConsoleBodyFilter extends BodyFirstFilter {

  private static final long serialVersionUID = 1L;
  static final long ANONYMOUS_MAX_BYTES = 64 * 1024;
  static final long SIGNED_IN_MAX_BYTES = 16L * 1024 * 1024;

  /** The console's posts are small: this much at once is plenty, and bounds a flood of them. */
  private static final long BUDGET_BYTES = 96L * 1024 * 1024;

  private static final BodyRules SIGNED_IN =
      new BodyRules(
          SIGNED_IN_MAX_BYTES,
          Duration.ofSeconds(10),
          8 * 1024,
          Duration.ofSeconds(10),
          Duration.ofMinutes(5));

  @Resource private transient ManagedScheduledExecutorService scheduler;
  @Inject private transient ConsoleSession session;
  private transient BodyIntake intake;

  @Override
  public void init() throws ServletException {
    intake =
        new BodyIntake(new BodyBudget(BUDGET_BYTES), RefusalWriter.anthropicShaped(), scheduler);
  }

  @Override
  public void destroy() {
    if (intake != null) {
      intake.close();
    }
  }

  @Override
  protected BodyIntake intake() {
    return intake;
  }

  @Override
  protected BodyRules rulesFor(HttpServletRequest request) {
    boolean signedIn = request.getSession(false) != null && session.isSignedIn();
    return signedIn ? SIGNED_IN : SIGNED_IN.withMaxBytes(ANONYMOUS_MAX_BYTES);
  }

  /**
   * A form whose body arrived after the first pass is served on an asynchronous dispatch, where
   * Payara sets up no CDI contexts (it does so only for its own async listener calls); the pages'
   * session-scoped beans need them. So they are set up here the way Payara does for those calls,
   * with Weld's request listener; without it (another server) the page fails visibly rather than
   * silently.
   */
  @Override
  protected void onLateDispatch(HttpServletRequest request, AsyncContext async, Pass pass)
      throws IOException, ServletException {
    ServletRequestListener weld = weldListener(async);
    ServletRequestEvent event = new ServletRequestEvent(getServletContext(), request);
    if (weld != null) {
      weld.requestInitialized(event);
    }
    try {
      pass.run();
    } finally {
      if (weld != null) {
        weld.requestDestroyed(event);
      }
    }
  }

  private static ServletRequestListener weldListener(AsyncContext async) {
    try {
      java.lang.reflect.Method lookup = async.getClass().getDeclaredMethod("getWeldListener");
      lookup.setAccessible(true);
      return (ServletRequestListener) lookup.invoke(async);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
