package dev.clauderelay.intake;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes a refusal in the host's error shape. Called with the status and headers already set;
 * writes the content type and body.
 */
@FunctionalInterface
public interface RefusalWriter {
  void write(HttpServletResponse response, Refusal refusal, String message) throws IOException;
}
