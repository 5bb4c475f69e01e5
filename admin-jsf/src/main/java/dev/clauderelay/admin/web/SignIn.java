package dev.clauderelay.admin.web;

import dev.clauderelay.admin.api.AdminToken;
import dev.clauderelay.admin.relay.RelayAdminClient;
import dev.clauderelay.admin.relay.RelayRefusedException;
import dev.clauderelay.admin.relay.RelayUnreachableException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Signing in to the console: trades the admin's username and password for an admin token from the
 * gateway and keeps it in the {@link ConsoleSession}, under a new session id.
 */
@Named
@RequestScoped
public class SignIn {

  @Inject private RelayAdminClient relay;
  @Inject private ConsoleSession session;

  private String username;
  private String password;

  public String submit() {
    FacesContext context = FacesContext.getCurrentInstance();
    try {
      AdminToken token = relay.signIn(username, password, ConsoleMessages.browserAddress(context));
      HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
      request.getSession(true);
      request.changeSessionId(); // a session id seen before sign-in must not carry the token
      session.start(token);
      return "dashboard?faces-redirect=true";
    } catch (RelayRefusedException e) {
      String summaryKey = e.isThrottled() ? "signIn.throttled" : "signIn.refused";
      ConsoleMessages.show(
          context,
          FacesMessage.SEVERITY_ERROR,
          ConsoleMessages.text(context, summaryKey),
          e.getMessage());
    } catch (RelayUnreachableException e) {
      ConsoleMessages.show(
          context,
          FacesMessage.SEVERITY_ERROR,
          ConsoleMessages.unreachable(context, e),
          e.reason());
    } finally {
      password = null;
    }
    return null;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
