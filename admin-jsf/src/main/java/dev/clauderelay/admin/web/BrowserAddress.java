package dev.clauderelay.admin.web;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a browser reaches the console from: {@code X-Forwarded-For} counts only from a proxy
 * the operator trusts, and then only its right-most entry (the one that proxy added).
 */
final class BrowserAddress {

  private BrowserAddress() {}

  static String of(String peer, String forwarded, Set<String> trustedProxies) {
    if (forwarded == null || forwarded.isBlank() || !trustedProxies.contains(peer)) {
      return peer;
    }
    String[] hops = forwarded.split(",", -1);
    String last = hops[hops.length - 1].strip();
    return last.isEmpty() || last.length() > 64 ? peer : last;
  }

  static Set<String> parse(String list) {
    return Arrays.stream(list.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
