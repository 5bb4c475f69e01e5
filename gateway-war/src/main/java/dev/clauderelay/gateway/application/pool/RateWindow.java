package dev.clauderelay.gateway.application.pool;

/**
 * The requests one key sent in the last 60 seconds, in one-second buckets: enough to tell, before a
 * request is sent, that it would be over the key's requests-per-minute limit. Synchronized: a check
 * and its count are one step, so parallel requests never both take the last slot. Kept only for
 * keys that have a limit (60 buckets, about 0.8 KB).
 */
final class RateWindow {

  private static final int SECONDS = 60;

  private final long[] second = new long[SECONDS];
  private final int[] count = new int[SECONDS];

  /** Counts one request at {@code nowMillis} if fewer than {@code limit} were sent in 60 s. */
  synchronized boolean tryAcquire(long nowMillis, int limit) {
    long now = Math.floorDiv(nowMillis, 1000);
    if (sum(now) >= limit) {
      return false;
    }
    int slot = (int) Math.floorMod(now, (long) SECONDS);
    if (second[slot] != now) {
      second[slot] = now;
      count[slot] = 0;
    }
    count[slot]++;
    return true;
  }

  /** Requests in the 60 seconds up to {@code nowMillis}. */
  synchronized int count(long nowMillis) {
    return sum(Math.floorDiv(nowMillis, 1000));
  }

  private int sum(long now) {
    int total = 0;
    for (int i = 0; i < SECONDS; i++) {
      if (now - second[i] < SECONDS && second[i] <= now && count[i] > 0) {
        total += count[i];
      }
    }
    return total;
  }
}
