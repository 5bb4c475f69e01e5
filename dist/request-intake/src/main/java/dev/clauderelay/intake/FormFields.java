package dev.clauderelay.intake;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The fields of an {@code application/x-www-form-urlencoded} body. */
final class FormFields {

  /** More fields than any console form has; a body of more is not a form to serve. */
  static final int MAX_FIELDS = 10_000;

  private FormFields() {}

  /** Adds the fields of {@code body} to {@code fields}, in order; malformed pairs are skipped. */
  static void parse(byte[] body, Charset charset, Map<String, List<String>> fields) {
    String text = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
    int count = 0;
    int start = 0;
    while (start <= text.length() && count < MAX_FIELDS) {
      int end = text.indexOf('&', start);
      if (end < 0) {
        end = text.length();
      }
      if (end > start) {
        String pair = text.substring(start, end);
        int equals = pair.indexOf('=');
        try {
          String name = decode(equals < 0 ? pair : pair.substring(0, equals), charset);
          String value = equals < 0 ? "" : decode(pair.substring(equals + 1), charset);
          fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
          count++;
        } catch (IllegalArgumentException malformed) {
          // a broken escape: the pair is dropped, as containers do
        }
      }
      start = end + 1;
    }
  }

  /** Decodes a field whose bytes were read as ISO-8859-1, into {@code charset}. */
  private static String decode(String field, Charset charset) {
    String bytes = URLDecoder.decode(field, java.nio.charset.StandardCharsets.ISO_8859_1);
    return new String(bytes.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), charset);
  }
}
