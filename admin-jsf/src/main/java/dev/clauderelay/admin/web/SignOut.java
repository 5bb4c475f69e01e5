package dev.clauderelay.admin.web;

import dev.clauderelay.admin.relay.RelayAdminClient;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Signing out: ends the admin token at the gateway, then the HTTP session, and shows the sign-in
 * page in the same language.
 */
@Named
@RequestScoped
public class SignOut {

  private static final Logger LOG = Logger.getLogger(SignOut.class.getName());

  @Inject private RelayAdminClient relay;
  @Inject private ConsoleSession session;
  @Inject private ConsoleLanguage language;

  public String submit() {
    FacesContext context = FacesContext.getCurrentInstance();
    String languageTag = language.getTag();
    if (session.isSignedIn()) {
      try {
        relay.signOut(session.token(), ConsoleMessages.browserAddress(context));
      } catch (RuntimeException e) {
        // The token dies with its expiry anyway; the person still leaves the console.
        LOG.log(Level.WARNING, "Could not end the admin token at the relay: {0}", e.getMessage());
      }
    }
    session.end();
    context.getExternalContext().invalidateSession();
    return "login?faces-redirect=true&signedOut=true&lang=" + languageTag;
  }
}
