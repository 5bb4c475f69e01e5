package dev.clauderelay.gateway.application.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clauderelay.gateway.it.RelayTestEnvironment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A usage batch is counted once however its write fails, on the relay's MariaDB and schema: the
 * failures a clean stop meets when the pool closes connections under a write in progress. Its rows
 * name a provider no other test has, and are removed afterwards.
 */
@ExtendWith(RelayTestEnvironment.class)
class UsageBatchIT {

  private static final long PROVIDER = 9_000_022;
  private static DataSource database;

  @BeforeAll
  static void schema() throws SQLException {
    database = RelayTestEnvironment.relayDatabase();
    Flyway.configure(UsageBatch.class.getClassLoader())
        .dataSource(database)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }

  @BeforeEach
  @AfterEach
  void removeThisTestsUsage() throws SQLException {
    try (Connection connection = database.getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute("DELETE FROM request_log WHERE provider_id = " + PROVIDER);
      sql.execute("DELETE FROM usage_hourly WHERE provider_id = " + PROVIDER);
    }
  }

  @Test
  void aBatchWrittenAgainIsNotCountedAgain() throws SQLException {
    UsageBatch batch = new UsageBatch(records(3));

    assertThat(batch.writeTo(connection())).isTrue();
    assertThat(batch.writeTo(connection())).isFalse();

    assertCountedOnce(3);
    assertThat(count("SELECT COUNT(*) FROM usage_batch WHERE id = '" + batch.id() + "'")).isOne();
  }

  @Test
  void aCommitWhoseAnswerIsLostIsNotRepeatedOnRetry() throws SQLException {
    UsageBatch batch = new UsageBatch(records(4));

    assertThatThrownBy(() -> batch.writeTo(failingAfterCommit(connection())))
        .isInstanceOf(SQLException.class);
    assertThat(batch.writeTo(connection())).isFalse();

    assertCountedOnce(4);
  }

  @Test
  void aWriteThatDidNotCommitLeavesNothingAndItsRetryWritesAll() throws SQLException {
    UsageBatch batch = new UsageBatch(records(2));

    assertThatThrownBy(() -> batch.writeTo(failingInsteadOfCommit(connection())))
        .isInstanceOf(SQLException.class);
    assertThat(count("SELECT COUNT(*) FROM request_log WHERE provider_id = " + PROVIDER)).isZero();
    assertThat(count("SELECT COUNT(*) FROM usage_batch WHERE id = '" + batch.id() + "'")).isZero();

    assertThat(batch.writeTo(connection())).isTrue();
    assertCountedOnce(2);
  }

  @Test
  void twoBatchesOfTheSameHourAddUp() throws SQLException {
    assertThat(new UsageBatch(records(2)).writeTo(connection())).isTrue();
    assertThat(new UsageBatch(records(3)).writeTo(connection())).isTrue();

    assertCountedOnce(5);
  }

  @Test
  void aBatchLargerThanOneInsertWritesEveryRowWithItsOwnValues() throws SQLException {
    int rows = 2 * UsageBatch.ROWS_PER_INSERT + 7;
    assertThat(new UsageBatch(records(rows)).writeTo(connection())).isTrue();

    assertCountedOnce(rows);
    String ours = " FROM request_log WHERE provider_id = " + PROVIDER;
    assertThat(count("SELECT COUNT(DISTINCT request_id)" + ours)).isEqualTo(rows);
    // Each row's values went to that row: req_i started i ms after req_0.
    assertThat(
            count(
                "SELECT COUNT(*) FROM request_log r, (SELECT MIN(started_at) AS first"
                    + ours
                    + ") f WHERE r.provider_id = "
                    + PROVIDER
                    + " AND TIMESTAMPDIFF(MICROSECOND, f.first, r.started_at)"
                    + " = CAST(SUBSTRING(r.request_id, 5) AS UNSIGNED) * 1000"))
        .isEqualTo(rows);
    // The first row, the first of the second insert, the last of the remainder:
    for (int i : new int[] {0, UsageBatch.ROWS_PER_INSERT, rows - 1}) {
      assertThat(
              count(
                  "SELECT COUNT(*)"
                      + ours
                      + " AND request_id = 'req_"
                      + i
                      + "' AND account_id IS NULL AND degradations IS NULL"
                      + " AND latency_ms = 120 AND first_byte_ms = 40 AND stop_reason = 'end_turn'"))
          .as("row req_%d", i)
          .isOne();
    }
  }

  /**
   * The stop comes while the periodic flush is writing, and the pool then closes that write's
   * connection: the stop waits for it and writes its batch over the shutdown's own connection.
   */
  @Test
  void aStopDuringAWriteThatFailsStillWritesItsRecords() throws Exception {
    CountDownLatch committing = new CountDownLatch(1);
    CountDownLatch poolClosed = new CountDownLatch(1);
    DataSource closingUnderTheWrite =
        dataSourceOf(
            () ->
                intercepting(
                    connection(),
                    () -> {
                      committing.countDown();
                      poolClosed.await();
                      throw new SQLException("Connection closed by the pool", "08003");
                    }));
    UsageQueue queue = new UsageQueue();
    records(3).forEach(queue::record);
    UsageRecorder recorder = new UsageRecorder(closingUnderTheWrite, queue);

    Thread periodic = new Thread(recorder::flush, "periodic-flush");
    Thread stopping = new Thread(() -> withShutdownDatabaseSettings(recorder::stop), "stop");
    try {
      periodic.start();
      assertThat(committing.await(10, TimeUnit.SECONDS)).isTrue();
      stopping.start();
      // The stop either waits for the write (blocked on the recorder) or has already given up.
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  blockedOn(stopping, recorder) || stopping.getState() == Thread.State.TERMINATED);
    } finally {
      poolClosed.countDown();
    }
    periodic.join(10_000);
    stopping.join(30_000);

    assertThat(stopping.isAlive()).isFalse();
    assertThat(recorder.pending()).isZero();
    assertCountedOnce(3);
  }

  /** A write that fails with something other than SQL's exception keeps its records too. */
  @Test
  void aWriteThatFailsAnyOtherWayKeepsItsRecordsForTheNextFlush() throws Exception {
    UsageQueue queue = new UsageQueue();
    records(2).forEach(queue::record);
    boolean[] broken = {true};
    DataSource flaky =
        dataSourceOf(
            () ->
                broken[0]
                    ? intercepting(
                        connection(),
                        () -> {
                          throw new IllegalStateException("the driver's own bug");
                        })
                    : connection());
    UsageRecorder recorder = new UsageRecorder(flaky, queue);

    assertThat(recorder.flush()).isFalse();
    assertThat(recorder.pending()).isEqualTo(2);
    broken[0] = false;
    assertThat(recorder.flush()).isTrue();

    assertThat(recorder.pending()).isZero();
    assertCountedOnce(2);
  }

  private static boolean blockedOn(Thread thread, Object monitor) {
    ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.getId());
    return info != null
        && info.getThreadState() == Thread.State.BLOCKED
        && info.getLockInfo() != null
        && info.getLockInfo().getIdentityHashCode() == System.identityHashCode(monitor);
  }

  /** RELAY_DB_URL and its credentials, as the launcher sets them, while {@code action} runs. */
  private static void withShutdownDatabaseSettings(Runnable action) {
    Map<String, String> settings =
        Map.of(
            "RELAY_DB_URL", System.getProperty("relay.test.db.url"),
            "RELAY_DB_USER", System.getProperty("relay.test.db.user"),
            "RELAY_DB_PASSWORD", System.getProperty("relay.test.db.password"));
    Map<String, String> before = new java.util.HashMap<>();
    settings.keySet().forEach(name -> before.put(name, System.getProperty(name)));
    settings.forEach(System::setProperty);
    try {
      action.run();
    } finally {
      before.forEach(
          (name, value) -> {
            if (value == null) {
              System.clearProperty(name);
            } else {
              System.setProperty(name, value);
            }
          });
    }
  }

  private interface ConnectionSource {
    Connection open() throws SQLException;
  }

  private static DataSource dataSourceOf(ConnectionSource source) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                return source.open();
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  private static void assertCountedOnce(int requests) throws SQLException {
    String ours = " WHERE provider_id = " + PROVIDER;
    assertThat(count("SELECT COUNT(*) FROM request_log" + ours)).isEqualTo(requests);
    assertThat(count("SELECT SUM(requests) FROM usage_hourly" + ours)).isEqualTo(requests);
    assertThat(count("SELECT SUM(cost_nanos) FROM usage_hourly" + ours))
        .isEqualTo(requests * 66_000L);
    assertThat(count("SELECT SUM(cost_nanos) FROM request_log" + ours))
        .isEqualTo(requests * 66_000L);
    assertThat(count("SELECT SUM(input_tokens) FROM usage_hourly" + ours)).isEqualTo(7L * requests);
    assertThat(count("SELECT SUM(output_tokens) FROM usage_hourly" + ours))
        .isEqualTo(3L * requests);
  }

  private static List<RequestRecord> records(int count) {
    long hourStart = System.currentTimeMillis() / 3_600_000 * 3_600_000;
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(
            i ->
                new RequestRecord(
                    "req_" + i,
                    hourStart + i,
                    11,
                    PROVIDER,
                    33,
                    0,
                    "claude-sonnet-4-5",
                    "claude-sonnet-4-5",
                    false,
                    200,
                    null,
                    "end_turn",
                    7,
                    3,
                    0,
                    0,
                    120,
                    40,
                    1,
                    null,
                    66_000L,
                    false,
                    ClientSession.NONE))
        .toList();
  }

  private static Connection connection() throws SQLException {
    Connection connection = database.getConnection();
    connection.setAutoCommit(false);
    return connection;
  }

  /** Commits, then answers as if the connection broke before the commit's answer arrived. */
  private static Connection failingAfterCommit(Connection real) {
    return intercepting(
        real,
        () -> {
          real.commit();
          throw new SQLException("Connection reset while reading the commit's answer", "08S01");
        });
  }

  /** Answers the commit with a broken connection without committing. */
  private static Connection failingInsteadOfCommit(Connection real) {
    return intercepting(
        real,
        () -> {
          throw new SQLException("Connection closed by the pool", "08003");
        });
  }

  private interface SqlAction {
    void run() throws SQLException, InterruptedException;
  }

  private static Connection intercepting(Connection real, SqlAction commit) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("commit")) {
                commit.run();
                return null;
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static long count(String query) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
