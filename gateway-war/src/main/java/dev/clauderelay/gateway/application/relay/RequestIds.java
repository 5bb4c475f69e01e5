package dev.clauderelay.gateway.application.relay;

import java.util.concurrent.ThreadLocalRandom;

/** Ids for requests ({@code req_...}) and messages ({@code msg_...}): unique, not secret. */
public final class RequestIds {

  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  private RequestIds() {}

  public static String requestId() {
    return "req_relay_" + random(24);
  }

  public static String messageId() {
    return "msg_relay_" + random(24);
  }

  private static String random(int length) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(chars);
  }
}
