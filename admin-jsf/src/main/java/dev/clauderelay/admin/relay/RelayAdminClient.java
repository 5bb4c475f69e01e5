package dev.clauderelay.admin.relay;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.ws.rs.ProcessingException;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The console's only way to the gateway: calls the admin API and answers with records, a {@link
 * RelayRefusedException} (the gateway said no) or a {@link RelayUnreachableException} (it did not
 * answer). Built once with short timeouts, so a hung gateway costs a page at most ten seconds.
 */
@ApplicationScoped
public class RelayAdminClient {

  private static final Logger LOG = Logger.getLogger(RelayAdminClient.class.getName());
  static final long CONNECT_TIMEOUT_MS = 2_000;
  static final long READ_TIMEOUT_MS = 10_000;

  private URI baseUri;
  private RelayAdminApi api;

  @PostConstruct
  void connect() {
    Config config = ConfigProvider.getConfig(RelayAdminClient.class.getClassLoader());
    baseUri =
        AdminApiUrl.resolve(
            config.getOptionalValue("RELAY_ADMIN_API_URL", String.class),
            config.getOptionalValue("RELAY_PORT", String.class));
    api =
        RestClientBuilder.newBuilder()
            .baseUri(baseUri)
            .connectTimeout(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
            .readTimeout(READ_TIMEOUT_MS, TimeUnit.MILLISECONDS)
            .property("microprofile.rest.client.disable.default.mapper", true)
            .register(RelayErrorMapper.class)
            .build(RelayAdminApi.class);
    LOG.log(Level.INFO, "Admin console uses the relay admin API at {0}", baseUri);
  }

  /** Resolves the URL at deployment, so a malformed RELAY_ADMIN_API_URL fails loudly and early. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    baseUrl();
  }

  @PreDestroy
  void disconnect() {
    if (api instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "Closing the admin API client failed", e);
      }
    }
  }

  /** The admin API base URL, for messages that tell the person where the console looked. */
  public String baseUrl() {
    return baseUri.toString();
  }

  public AdminToken signIn(String username, String password, String browserAddress) {
    String credentials =
        Json.createObjectBuilder()
            .add("username", nullToEmpty(username))
            .add("password", nullToEmpty(password))
            .build()
            .toString();
    return call(() -> AdminApiJson.adminToken(api.signIn(credentials, browserAddress)));
  }

  public void signOut(String token, String browserAddress) {
    call(
        () -> {
          api.signOut(bearer(token), browserAddress);
          return null;
        });
  }

  /** The relay's health; a relay that is down answers 503 with a report, returned all the same. */
  public RelayHealth health() {
    return call(
        () -> {
          try {
            return AdminApiJson.health(api.health());
          } catch (RelayRefusedException e) {
            if (e.status() == 503) {
              return AdminApiJson.health(e.body());
            }
            throw e;
          }
        });
  }

  public PluginCatalog plugins(String token, String browserAddress) {
    return call(() -> AdminApiJson.pluginCatalog(api.plugins(bearer(token), browserAddress)));
  }

  private <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (ProcessingException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String reason =
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      LOG.log(
          Level.WARNING,
          "The relay admin API at {0} does not answer: {1}",
          new Object[] {baseUri, reason});
      throw RelayUnreachableException.noAnswer(baseUrl(), reason, e);
    } catch (AdminApiJson.MalformedAnswerException e) {
      LOG.log(
          Level.WARNING,
          "The relay admin API at {0} answered something unexpected: {1}",
          new Object[] {baseUri, e.getMessage()});
      throw RelayUnreachableException.unexpectedAnswer(baseUrl(), e.getMessage(), e);
    }
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
