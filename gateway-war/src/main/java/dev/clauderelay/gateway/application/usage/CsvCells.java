package dev.clauderelay.gateway.application.usage;

/**
 * Cells of a CSV file (RFC 4180) that a spreadsheet opens safely: a cell with a comma, quote or
 * line break is quoted with its quotes doubled; a text cell a spreadsheet would take for a formula
 * (starting with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, so a model
 * name or an error a client chose cannot run as a formula on the admin's machine.
 */
public final class CsvCells {

  private CsvCells() {}

  /** A text cell; {@code null} is empty. */
  public static String text(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String safe = value;
    char first = value.charAt(0);
    if (first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r') {
      safe = "'" + value;
    }
    boolean quote = false;
    for (int i = 0; i < safe.length() && !quote; i++) {
      char c = safe.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }
}
