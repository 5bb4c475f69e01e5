package dev.clauderelay.gateway.interfaces.rest;

import dev.clauderelay.gateway.infrastructure.config.RelayConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a request comes from, for the sign-in throttle and the audit log. {@code
 * X-Forwarded-For} is believed only from a proxy the operator trusts ({@code
 * RELAY_TRUSTED_PROXIES}, none by default), or from the relay's own console, which proves itself
 * with a secret made at each start and shared only inside this process. Anyone else's header is
 * ignored, so no client can pick its own address to dodge the throttle.
 */
@ApplicationScoped
public class ClientAddress {

  /** The header the console sends its proof in. */
  public static final String CONSOLE_PROOF_HEADER = "X-Relay-Console-Proof";

  /**
   * Where the proof is published for the console: a system property of this process (the console
   * runs in the same Payara), so nothing outside the process can read it.
   */
  public static final String CONSOLE_PROOF_PROPERTY = "relay.console.proof";

  @Inject private RelayConfig config;

  private Set<String> trustedProxies;
  private byte[] consoleProof;

  @PostConstruct
  void start() {
    trustedProxies =
        Arrays.stream(config.trustedProxies().split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String proof = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    consoleProof = proof.getBytes(StandardCharsets.US_ASCII);
    System.setProperty(CONSOLE_PROOF_PROPERTY, proof);
  }

  /** Made at deployment, so the proof exists before the console's first call. */
  void publishAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    trustedProxies.size();
  }

  public String of(HttpServletRequest request) {
    return of(
        request.getRemoteAddr(),
        request.getHeader("X-Forwarded-For"),
        trustedProxies.contains(request.getRemoteAddr())
            || isConsole(request.getHeader(CONSOLE_PROOF_HEADER)));
  }

  private boolean isConsole(String proof) {
    return proof != null
        && MessageDigest.isEqual(consoleProof, proof.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * @param believeForwarded whether the peer is one whose {@code X-Forwarded-For} is believed
   */
  static String of(String peer, String forwarded, boolean believeForwarded) {
    if (!believeForwarded || forwarded == null || forwarded.isBlank()) {
      return peer;
    }
    // The right-most entry is the one our trusted proxy added; earlier ones are client-supplied.
    String[] hops = forwarded.split(",", -1);
    String last = hops[hops.length - 1].strip();
    return last.isEmpty() || last.length() > 64 ? peer : last;
  }
}
