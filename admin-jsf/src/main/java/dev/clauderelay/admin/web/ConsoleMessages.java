package dev.clauderelay.admin.web;

import dev.clauderelay.admin.relay.RelayUnreachableException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Texts from the {@code msg} bundle in the page's language, and the messages shown to people. */
final class ConsoleMessages {

  private ConsoleMessages() {}

  static String text(FacesContext context, String key, Object... arguments) {
    return textOr(context, key, key, arguments);
  }

  /** The text for {@code key}, or {@code fallback} when the bundle has no such key. */
  static String textOr(FacesContext context, String key, String fallback, Object... arguments) {
    ResourceBundle bundle = context.getApplication().getResourceBundle(context, "msg");
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return fallback;
    }
    return new MessageFormat(pattern, context.getViewRoot().getLocale()).format(arguments);
  }

  /** What to tell a person when the admin API is silent, or answers something unreadable. */
  static String unreachable(FacesContext context, RelayUnreachableException e) {
    return text(context, e.answered() ? "relay.unexpected" : "relay.unreachable", e.url());
  }

  /** Adds a message for the page's {@code p:messages}: a short summary, and a detail or null. */
  static void show(
      FacesContext context, FacesMessage.Severity severity, String summary, String detail) {
    context.addMessage(null, new FacesMessage(severity, summary, detail));
  }

  /**
   * The address of the browser, forwarded to the gateway for its per-address sign-in throttle: the
   * console's peer, or, when that peer is a reverse proxy the operator trusts ({@code
   * RELAY_TRUSTED_PROXIES}), the address that proxy forwarded.
   */
  static String browserAddress(FacesContext context) {
    HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
    return BrowserAddress.of(
        request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), TRUSTED_PROXIES);
  }

  private static final java.util.Set<String> TRUSTED_PROXIES =
      BrowserAddress.parse(
          org.eclipse.microprofile.config.ConfigProvider.getConfig(
                  ConsoleMessages.class.getClassLoader())
              .getOptionalValue("RELAY_TRUSTED_PROXIES", String.class)
              .orElse(""));
}
