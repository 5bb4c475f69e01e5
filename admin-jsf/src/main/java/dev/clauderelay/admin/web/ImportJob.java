package dev.clauderelay.admin.web;

import dev.clauderelay.admin.relay.ImportResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One batch import running in the background: how many of its lines are done, the result of each,
 * and whether it ended (or why it stopped early). Read by the page's progress bar while it runs.
 */
public final class ImportJob {

  private final long providerId;
  private final List<String> lines;
  private final AtomicInteger done = new AtomicInteger();
  private final List<ImportResult> results = new ArrayList<>();
  private volatile boolean finished;
  private volatile String stoppedBecause;

  ImportJob(long providerId, List<String> lines) {
    this.providerId = providerId;
    this.lines = List.copyOf(lines);
  }

  /** Lines of pasted text: trimmed, blanks dropped, so line numbers are those of the keys. */
  static List<String> keyLines(String text) {
    if (text == null) {
      return List.of();
    }
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  long providerId() {
    return providerId;
  }

  List<String> lines() {
    return lines;
  }

  int total() {
    return lines.size();
  }

  int done() {
    return done.get();
  }

  /** Whole percent of lines done, 0..100; 100 only once the job has ended. */
  int percent() {
    if (finished) {
      return 100;
    }
    return lines.isEmpty() ? 0 : Math.min(99, done.get() * 100 / lines.size());
  }

  void addAll(List<ImportResult> chunk, int linesDone) {
    synchronized (results) {
      results.addAll(chunk);
    }
    done.addAndGet(linesDone);
  }

  List<ImportResult> results() {
    synchronized (results) {
      return List.copyOf(results);
    }
  }

  long added() {
    return results().stream().filter(ImportResult::added).count();
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
