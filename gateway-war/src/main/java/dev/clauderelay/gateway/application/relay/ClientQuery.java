package dev.clauderelay.gateway.application.relay;

import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;

/**
 * Checks the query string of a client's request before anything is sent upstream: it must be a
 * well-formed RFC 3986 query, because an Anthropic upstream receives it as sent.
 *
 * <p>A malformed query is refused with a 400 {@code invalid_request_error} rather than re-encoded:
 * re-encoding would guess what the client meant ({@code %zz} has no meaning to restore), Anthropic
 * itself refuses such requests, and the one query clients send ({@code beta=true}) is well formed.
 * Refusing it here, whatever the route, gives every client the same answer for the same mistake.
 */
final class ClientQuery {

  private ClientQuery() {}

  /**
   * @param query the query as the client sent it, without the {@code ?}; {@code null} for none
   * @throws GatewayError {@code invalid_request_error} naming the first offending character
   */
  static void requireWellFormed(String query) {
    if (query == null) {
      return;
    }
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '%') {
        if (i + 2 >= query.length() || !isHex(query.charAt(i + 1)) || !isHex(query.charAt(i + 2))) {
          throw invalid(
              "'%' at position "
                  + (i + 1)
                  + " does not start a percent-escape of two hex digits; send a literal '%' as"
                  + " %25.");
        }
        i += 2;
      } else if (!isQueryCharacter(c)) {
        throw invalid(
            describe(c) + " at position " + (i + 1) + " must be percent-encoded" + encoded(c));
      }
    }
  }

  /** RFC 3986 {@code pchar / "/" / "?"} without the percent-escape: unreserved, sub-delims. */
  private static boolean isQueryCharacter(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static String describe(char c) {
    if (c < 0x20 || c == 0x7f) {
      return "A control character";
    }
    if (c > 0x7f) {
      return "A non-ASCII character";
    }
    return c == ' ' ? "A space" : "'" + c + "'";
  }

  private static String encoded(char c) {
    if (c > 0x7f) {
      return " (as its UTF-8 bytes, each %XX).";
    }
    return String.format(" (as %%%02X).", (int) c);
  }

  private static GatewayError invalid(String problem) {
    return new GatewayError(ErrorType.INVALID_REQUEST, "The query string is malformed: " + problem);
  }
}
