package dev.clauderelay.gateway.application;

import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.util.Optional;

/** Signs admins in and out, and recognises their session tokens. */
public interface AdminAuthService {

  /**
   * Checks the admin's credentials.
   *
   * @param remoteAddress the address the attempt comes from, for throttling
   * @throws LoginRefusedException when the credentials are wrong or the address is throttled
   */
  AdminSession login(String username, String password, String remoteAddress);

  /** The live session of a bearer token, empty when unknown or expired. */
  Optional<AdminSession> authenticate(String token);

  /** Ends the session of a token; unknown tokens are ignored. */
  void logout(String token);

  /** Why a login was refused; an application exception, so EJB callers receive it as is. */
  @ApplicationException
  final class LoginRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public LoginRefusedException(String message, Duration retryAfter) {
      super(message, null, false, false);
      this.retryAfter = retryAfter;
    }

    /** When the address is throttled, how long until it may try again; {@code null} otherwise. */
    public Duration retryAfter() {
      return retryAfter;
    }
  }
}
