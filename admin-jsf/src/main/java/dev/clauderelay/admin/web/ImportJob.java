package dev.clauderelay.admin.web;

import dev.clauderelay.admin.api.KeyBatchResult;
import dev.clauderelay.admin.relay.RelayAdminClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One batch import running in the background: the pasted lines, how many of their keys are done,
 * the result of each, and whether it ended (or why it stopped early). Read by the page's progress
 * bar while it runs.
 */
public final class ImportJob {

  /**
   * Keys per batch-import request: each request is one step of the progress bar. A tested import
   * sends fewer, as the relay waits for the upstream to answer a probe of each.
   */
  static final int CHUNK_KEYS = 200;

  /**
   * A part of the pasted text for one request. It starts with a blank line for each line before it:
   * the relay numbers the lines of the text it gets, blank ones included, so its results and
   * messages ("repeats entry 3 of this batch") name the lines as the person pasted them.
   */
  record Chunk(String text, int keys) {}

  private final long providerId;
  private final boolean test;
  private final List<Chunk> chunks;
  private final int total;
  private final AtomicInteger done = new AtomicInteger();
  private final List<KeyBatchResult.Item> results = new ArrayList<>();
  private volatile boolean finished;
  private volatile String stoppedBecause;

  ImportJob(long providerId, String text, boolean test) {
    this.providerId = providerId;
    this.test = test;
    this.chunks = chunks(text, test ? RelayAdminClient.PROBES_PER_CALL : CHUNK_KEYS);
    this.total = chunks.stream().mapToInt(Chunk::keys).sum();
  }

  /** Whether a line holds a key for the relay: not blank, not a {@code #} comment. */
  static boolean isKeyLine(String line) {
    String stripped = line.strip();
    return !stripped.isEmpty() && !stripped.startsWith("#");
  }

  /** The text cut after every {@code size} keys; no chunk without a key. */
  static List<Chunk> chunks(String text, int size) {
    List<Chunk> chunks = new ArrayList<>();
    if (text == null) {
      return chunks;
    }
    List<String> lines = text.lines().toList();
    int from = 0;
    int keys = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (isKeyLine(lines.get(i))) {
        keys++;
      }
      if (keys == size || (i == lines.size() - 1 && keys > 0)) {
        chunks.add(
            new Chunk("\n".repeat(from) + String.join("\n", lines.subList(from, i + 1)), keys));
        from = i + 1;
        keys = 0;
      }
    }
    return chunks;
  }

  long providerId() {
    return providerId;
  }

  boolean test() {
    return test;
  }

  List<Chunk> chunks() {
    return chunks;
  }

  /** Keys in the text. */
  int total() {
    return total;
  }

  int done() {
    return done.get();
  }

  /** Whole percent of keys done, 0..100; 100 only once the job has ended. */
  int percent() {
    if (finished) {
      return 100;
    }
    return total == 0 ? 0 : Math.min(99, done.get() * 100 / total);
  }

  void addAll(List<KeyBatchResult.Item> chunk, int keysDone) {
    synchronized (results) {
      results.addAll(chunk);
    }
    done.addAndGet(keysDone);
  }

  List<KeyBatchResult.Item> results() {
    synchronized (results) {
      return List.copyOf(results);
    }
  }

  /**
   * The results with the lines that did not go in first, each group in line order: in an import of
   * thousands, the lines to fix are what the admin looks for.
   */
  List<KeyBatchResult.Item> problemsFirst() {
    return results().stream()
        .sorted(java.util.Comparator.comparing(KeyBatchResult.Item::added))
        .toList();
  }

  long added() {
    return results().stream().filter(KeyBatchResult.Item::added).count();
  }

  void finish(String stoppedBecause) {
    this.stoppedBecause = stoppedBecause;
    this.finished = true;
  }

  boolean finished() {
    return finished;
  }

  String stoppedBecause() {
    return stoppedBecause;
  }
}
