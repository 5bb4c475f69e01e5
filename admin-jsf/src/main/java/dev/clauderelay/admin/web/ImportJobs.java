package dev.clauderelay.admin.web;

import dev.clauderelay.admin.api.KeyBatchResult;
import dev.clauderelay.admin.relay.AdminCredentials;
import dev.clauderelay.admin.relay.RelayAdminClient;
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
 * Runs batch imports off the request thread, a chunk of keys per admin API call, so the page can
 * show progress and a person can keep working; a job is found again by its id. Finished jobs are
 * forgotten once their page has read them.
 */
@ApplicationScoped
public class ImportJobs {

  private static final Logger LOG = Logger.getLogger(ImportJobs.class.getName());

  @Resource private ManagedExecutorService executor;
  @Inject private RelayAdminClient relay;

  private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();

  /** Starts importing the keys of {@code text}; null when it holds none. */
  String start(AdminCredentials who, long providerId, String text, boolean test) {
    ImportJob job = new ImportJob(providerId, text, test);
    if (job.total() == 0) {
      return null;
    }
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
      for (ImportJob.Chunk chunk : job.chunks()) {
        List<KeyBatchResult.Item> results =
            relay.keyPoolImport(who, job.providerId(), chunk.text(), job.test());
        job.addAll(results, chunk.keys());
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
