package dev.clauderelay.admin.web;

import dev.clauderelay.admin.relay.AdminCredentials;
import dev.clauderelay.admin.relay.ImportResult;
import dev.clauderelay.admin.relay.KeyPoolAccess;
import dev.clauderelay.admin.relay.RelayRefusedException;
import dev.clauderelay.admin.relay.RelayUnreachableException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs batch imports off the request thread, a chunk of lines per admin API call, so the page can
 * show progress and a person can keep working; a job is found again by its id. Finished jobs are
 * forgotten once their page has read them.
 */
@ApplicationScoped
public class ImportJobs {

  private static final Logger LOG = Logger.getLogger(ImportJobs.class.getName());

  @Resource private ManagedExecutorService executor;
  @Inject private KeyPoolAccess pools;

  private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();

  String start(AdminCredentials who, long providerId, List<String> lines) {
    ImportJob job = new ImportJob(providerId, lines);
    String id = UUID.randomUUID().toString();
    jobs.put(id, job);
    executor.execute(() -> run(who, job));
    return id;
  }

  ImportJob get(String id) {
    return id == null ? null : jobs.get(id);
  }

  void forget(String id) {
    if (id != null) {
      jobs.remove(id);
    }
  }

  private void run(AdminCredentials who, ImportJob job) {
    String stoppedBecause = null;
    try {
      List<String> lines = job.lines();
      for (int from = 0; from < lines.size(); from += KeyPoolAccess.IMPORT_CHUNK) {
        int to = Math.min(from + KeyPoolAccess.IMPORT_CHUNK, lines.size());
        List<ImportResult> results =
            pools.importLines(who, job.providerId(), lines.subList(from, to), from + 1);
        job.addAll(results, to - from);
      }
    } catch (RelayRefusedException e) {
      stoppedBecause = e.isUnauthorized() ? "unauthorized" : e.getMessage();
    } catch (RelayUnreachableException e) {
      stoppedBecause = e.reason();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A batch import failed", e);
      stoppedBecause = e.toString();
    } finally {
      job.finish(stoppedBecause);
    }
  }
}
