package dev.clauderelay.admin.relay;

/**
 * The gateway's admin API could not be used: it did not answer at all (refused connection, timeout,
 * unknown host), or it {@linkplain #answered() answered} something that is not the admin API (a
 * wrong URL, another application, a proxy page).
 */
public class RelayUnreachableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String url;
  private final boolean answered;

  private RelayUnreachableException(String url, String reason, boolean answered, Throwable cause) {
    super(reason, cause);
    this.url = url;
    this.answered = answered;
  }

  static RelayUnreachableException noAnswer(String url, String reason, Throwable cause) {
    return new RelayUnreachableException(url, reason, false, cause);
  }

  static RelayUnreachableException unexpectedAnswer(String url, String reason, Throwable cause) {
    return new RelayUnreachableException(url, reason, true, cause);
  }

  /** The admin API base URL the console tried, so the person can check RELAY_ADMIN_API_URL. */
  public String url() {
    return url;
  }

  /** False when nothing answered: any further call to the same URL would wait in vain too. */
  public boolean answered() {
    return answered;
  }

  /** A short technical reason ("Connection refused", "Read timed out"), never a stack trace. */
  public String reason() {
    return getMessage();
  }
}
