package dev.clauderelay.admin.web;

import dev.clauderelay.admin.relay.AdminCredentials;
import dev.clauderelay.admin.relay.RelayRefusedException;
import dev.clauderelay.admin.relay.RelayUnreachableException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How the console's pages call the admin API: with the signed-in admin's credentials, and every
 * failure turned into a message a person can act on (what failed, and the relay's own reason), or,
 * when the admin token is no longer accepted, back to the sign-in page.
 */
@RequestScoped
public class ConsoleCalls {

  @Inject private ConsoleSession session;

  public AdminCredentials credentials() {
    return new AdminCredentials(
        session.token(), ConsoleMessages.browserAddress(FacesContext.getCurrentInstance()));
  }

  /** Runs a call; on failure shows {@code failureKey}'s text over the reason and answers empty. */
  public <T> Optional<T> attempt(String failureKey, Function<AdminCredentials, T> call) {
    try {
      return Optional.ofNullable(call.apply(credentials()));
    } catch (RuntimeException e) {
      failed(failureKey, e);
      return Optional.empty();
    }
  }

  /** Runs a call that answers nothing; true when it succeeded. */
  public boolean run(String failureKey, Consumer<AdminCredentials> call) {
    try {
      call.accept(credentials());
      return true;
    } catch (RuntimeException e) {
      failed(failureKey, e);
      return false;
    }
  }

  /** Shows what went wrong, or sends the person to sign in again; rethrows what is a bug. */
  public void failed(String failureKey, RuntimeException e) {
    FacesContext context = FacesContext.getCurrentInstance();
    if (e instanceof RelayRefusedException refused) {
      if (refused.isUnauthorized()) {
        signInAgain(context);
        return;
      }
      error(context, ConsoleMessages.text(context, failureKey), refused.getMessage());
    } else if (e instanceof RelayUnreachableException unreachable) {
      error(
          context,
          ConsoleMessages.text(context, failureKey),
          ConsoleMessages.unreachable(context, unreachable) + " (" + unreachable.reason() + ")");
    } else {
      throw e;
    }
  }

  /** Shows an error the console found itself, before any call: two texts of the bundle. */
  public void error(String summaryKey, String detailKey) {
    FacesContext context = FacesContext.getCurrentInstance();
    error(
        context,
        ConsoleMessages.text(context, summaryKey),
        ConsoleMessages.text(context, detailKey));
  }

  public void info(String key, Object... arguments) {
    FacesContext context = FacesContext.getCurrentInstance();
    ConsoleMessages.show(
        context, FacesMessage.SEVERITY_INFO, ConsoleMessages.text(context, key, arguments), null);
  }

  public void warn(String key, Object... arguments) {
    FacesContext context = FacesContext.getCurrentInstance();
    ConsoleMessages.show(
        context, FacesMessage.SEVERITY_WARN, ConsoleMessages.text(context, key, arguments), null);
  }

  public String text(String key, Object... arguments) {
    return ConsoleMessages.text(FacesContext.getCurrentInstance(), key, arguments);
  }

  private static void error(FacesContext context, String summary, String detail) {
    ConsoleMessages.show(context, FacesMessage.SEVERITY_ERROR, summary, detail);
    context.validationFailed(); // keeps dialogs open, so the person can correct and retry
  }

  private void signInAgain(FacesContext context) {
    session.end();
    ExternalContext external = context.getExternalContext();
    if (external.isResponseCommitted()) {
      // Found while the page was being written (a lazy table): too late to redirect; the next
      // click goes to the sign-in page, as the guard sees no admin any more.
      error(context, ConsoleMessages.text(context, "signIn.expired"), null);
      return;
    }
    try {
      external.redirect(external.getRequestContextPath() + "/login.xhtml?expired=true");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    context.responseComplete();
  }
}
