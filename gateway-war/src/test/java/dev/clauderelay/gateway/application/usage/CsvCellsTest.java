package dev.clauderelay.gateway.application.usage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

  @Test
  void plainTextStaysAsItIsAndNullIsEmpty() {
    assertThat(CsvCells.text("claude-sonnet-4-5")).isEqualTo("claude-sonnet-4-5");
    assertThat(CsvCells.text(null)).isEmpty();
    assertThat(CsvCells.text("")).isEmpty();
  }

  @Test
  void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
    assertThat(CsvCells.text("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvCells.text("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvCells.text("line\nbreak")).isEqualTo("\"line\nbreak\"");
    assertThat(CsvCells.text("cr\rhere")).isEqualTo("\"cr\rhere\"");
  }

  @Test
  void whatASpreadsheetWouldRunAsAFormulaGetsALeadingApostrophe() {
    assertThat(CsvCells.text("=1+2")).isEqualTo("'=1+2");
    assertThat(CsvCells.text("+cmd")).isEqualTo("'+cmd");
    assertThat(CsvCells.text("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvCells.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvCells.text("\tx")).isEqualTo("'\tx");
    assertThat(CsvCells.text("=HYPERLINK(\"u\",\"t\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"u\"\",\"\"t\"\")\"");
    assertThat(CsvCells.text("a=b")).isEqualTo("a=b");
  }
}
