package dev.clauderelay.gateway.interfaces.rest;

import dev.clauderelay.gateway.application.relay.ErrorBodies;
import dev.clauderelay.plugin.api.ErrorType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The gateway's error page: what the container would answer with its own HTML page (an error no
 * handler caught, an {@link OutOfMemoryError} above all, or a refusal of its own) is answered in
 * Anthropic's error shape, so clients parse one format and learn nothing of the server inside.
 */
@WebServlet(name = "relay-error", urlPatterns = "/relay-error")
public class ErrorPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    int status = code instanceof Integer number ? number : 404;
    if (failure != null) {
      // One line: the trace of an OutOfMemoryError is noise, and of anything else, logged already.
      LOG.log(
          Level.WARNING,
          "Request to {0} failed: {1}",
          new Object[] {request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure});
      status = failure instanceof OutOfMemoryError ? 503 : 500;
    }
    ErrorType type =
        switch (status) {
          case 400, 405, 411, 414, 415, 431 -> ErrorType.INVALID_REQUEST;
          case 401 -> ErrorType.AUTHENTICATION;
          case 403 -> ErrorType.PERMISSION;
          case 404 -> ErrorType.NOT_FOUND;
          case 408, 504 -> ErrorType.TIMEOUT;
          case 413 -> ErrorType.REQUEST_TOO_LARGE;
          case 429 -> ErrorType.RATE_LIMIT;
          case 503, 529 -> ErrorType.OVERLOADED;
          default -> status >= 500 ? ErrorType.API : ErrorType.INVALID_REQUEST;
        };
    String message =
        switch (type) {
          case NOT_FOUND -> "No such endpoint. Clients use POST /v1/messages; admins /api/admin/*.";
          case OVERLOADED -> "The relay is overloaded; retry in a moment.";
          case API -> "The relay failed to handle the request.";
          default -> "The request was refused (HTTP " + status + ").";
        };
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json");
    if (type == ErrorType.OVERLOADED) {
      response.setHeader("retry-after", "1");
    }
    byte[] body = ErrorBodies.json(type, message).getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
