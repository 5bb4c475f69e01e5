package dev.clauderelay.gateway.interfaces.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * The address a request comes from. {@code X-Forwarded-For} is believed only when the direct peer
 * is a trusted proxy (the console and a local reverse proxy), so no client can pick its own address
 * to dodge the login throttle.
 */
public final class ClientAddress {

  private ClientAddress() {}

  public static String of(HttpServletRequest request, Set<String> trustedProxies) {
    String peer = request.getRemoteAddr();
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || forwarded.isBlank() || !trustedProxies.contains(peer)) {
      return peer;
    }
    // The right-most entry is the one our trusted proxy added; earlier ones are client-supplied.
    String[] hops = forwarded.split(",");
    return hops[hops.length - 1].strip();
  }
}
