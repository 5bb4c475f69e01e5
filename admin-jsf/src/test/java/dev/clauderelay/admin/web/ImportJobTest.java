package dev.clauderelay.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.admin.api.KeyBatchResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportJobTest {

  @Test
  void eachChunkKeepsItsKeysOnTheLinesTheyWerePastedOn() {
    String text = "sk-key-000001\n\n# a comment\nsk-key-000002\nsk-key-000003\n\nsk-key-000004\n";

    List<ImportJob.Chunk> chunks = ImportJob.chunks(text, 2);

    assertThat(chunks).extracting(ImportJob.Chunk::keys).containsExactly(2, 2);
    assertThat(chunks.get(0).text()).isEqualTo("sk-key-000001\n\n# a comment\nsk-key-000002");
    // The relay numbers the lines of each text it gets: the second starts on line 5.
    assertThat(chunks.get(1).text()).isEqualTo("\n\n\n\nsk-key-000003\n\nsk-key-000004");
    assertThat(chunks.get(1).text().lines().toList().indexOf("sk-key-000003") + 1).isEqualTo(5);
  }

  @Test
  void windowsLineEndsAndPaddedKeysCountAsKeys() {
    List<ImportJob.Chunk> chunks = ImportJob.chunks("  sk-1 \r\n\r\n\tsk-2\r\n   \nsk 3", 200);

    assertThat(chunks).extracting(ImportJob.Chunk::keys).containsExactly(3);
  }

  @Test
  void textWithoutKeysMakesNoChunk() {
    assertThat(ImportJob.chunks("\n  \n# only a comment\n", 200)).isEmpty();
    assertThat(ImportJob.chunks(null, 200)).isEmpty();
  }

  @Test
  void resultsListTheLinesThatDidNotGoInFirstEachGroupInLineOrder() {
    ImportJob job = new ImportJob(1, "a\nb\nc\nd\ne\n", false);
    job.addAll(
        List.of(
            new KeyBatchResult.Item(
                1, null, "sk-...0001", KeyBatchResult.Item.ADDED, null, null, null, null, null),
            new KeyBatchResult.Item(
                2,
                null,
                "...ey",
                "invalid",
                null,
                "key_characters",
                null,
                "key: must be printable",
                null),
            new KeyBatchResult.Item(
                3, null, "sk-...0003", KeyBatchResult.Item.ADDED, null, null, null, null, null)),
        3);
    job.addAll(
        List.of(
            new KeyBatchResult.Item(
                4, null, "sk-...0001", "duplicate", null, "repeats", 1, "repeats entry 1", null),
            new KeyBatchResult.Item(
                5, null, "sk-...0005", KeyBatchResult.Item.ADDED, null, null, null, null, null)),
        2);

    assertThat(job.problemsFirst())
        .extracting(KeyBatchResult.Item::line)
        .containsExactly(2, 4, 1, 3, 5);
    assertThat(job.results()).extracting(KeyBatchResult.Item::line).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void progressCountsKeysNotLines() {
    ImportJob job = new ImportJob(1, "sk-key-000001\n\nsk-key-000002\n# note\n", false);

    assertThat(job.total()).isEqualTo(2);
    job.addAll(List.of(), 1);
    assertThat(job.percent()).isEqualTo(50);
    job.addAll(List.of(), 1);
    assertThat(job.percent()).as("100 only once the job has ended").isEqualTo(99);
    job.finish(null);
    assertThat(job.percent()).isEqualTo(100);
  }

  @Test
  void aTestedImportSendsFewerKeysPerRequest() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      text.append("sk-key-").append(100_000 + i).append('\n');
    }

    assertThat(new ImportJob(1, text.toString(), true).chunks()).hasSize(3);
    assertThat(new ImportJob(1, text.toString(), false).chunks()).hasSize(1);
  }
}
