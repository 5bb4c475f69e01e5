package dev.clauderelay.gateway.interfaces.intake;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * Keeps clients from writing to the server log through Payara's request tracing headers.
 *
 * <p>Payara's HTTP container reads {@code Payara-Tracing-TraceId} and {@code
 * Payara-Tracing-ParentId} on every request, before any filter or servlet of the relay sees it, and
 * logs a warning with a stack trace of some 25 lines when one is not a UUID: any client, signed in
 * or not, could add a log entry per request and fill the disk. The relay does not use Payara's
 * request tracing, so these two warnings (and only they) are dropped at their logger.
 */
@ApplicationScoped
public class TraceHeaderWarnings {

  /** Payara's core logger, {@code com.sun.enterprise.v3.services.impl.ContainerMapper}'s. */
  static final String PAYARA_CORE_LOGGER = "javax.enterprise.system.core";

  /** "Propagated trace ID ... is not a valid UUID", "Propagated parent ID ... ". */
  static final Set<String> CLIENT_MADE_WARNINGS = Set.of("NCLS-CORE-00099", "NCLS-CORE-00100");

  // Held here: a logger only weakly held by the log manager could be collected with its filter.
  private Logger payaraCore;
  private Filter before;
  private Filter dropping;

  void install(@Observes @Initialized(ApplicationScoped.class) Object started) {
    payaraCore = Logger.getLogger(PAYARA_CORE_LOGGER);
    before = payaraCore.getFilter();
    Filter next = before;
    dropping =
        record ->
            !CLIENT_MADE_WARNINGS.contains(record.getMessage())
                && (next == null || next.isLoggable(record));
    payaraCore.setFilter(dropping);
  }

  /** Gives the logger its own filter back: the relay's class loader must not outlive it there. */
  @PreDestroy
  void uninstall() {
    if (payaraCore != null && payaraCore.getFilter() == dropping) {
      payaraCore.setFilter(before);
    }
  }
}
