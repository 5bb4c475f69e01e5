package floor;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The least any servlet on Payara Micro does for one request: read the body, answer a fixed JSON
 * message of the mock's size. What it costs is the floor under every relay built on this stack.
 *
 * <ul>
 *   <li>{@code /sync}: answered on the container's thread.
 *   <li>{@code /async-same}: {@code startAsync}, answered and completed on the container's thread.
 *   <li>{@code /async-other}: answered and completed from another thread, as the relay does (its
 *       answers arrive on the upstream client's thread), with no async timeout, as the relay sets.
 *   <li>{@code /async-other-timeout}: the same with the container's default async timeout.
 * </ul>
 */
@WebServlet(urlPatterns = "/*", asyncSupported = true)
public class Floor extends HttpServlet {

  private static final byte[] ANSWER =
      ("{\"id\":\"msg_floor\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\","
              + "\"content\":[{\"type\":\"text\",\"text\":\"pong pong pong pong pong pong\"}],"
              + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
              + "\"usage\":{\"input_tokens\":12,\"output_tokens\":8}}")
          .getBytes(StandardCharsets.UTF_8);

  private static final ExecutorService OTHER = Executors.newFixedThreadPool(2);

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] buffer = new byte[8192];
    try (InputStream in = request.getInputStream()) {
      while (in.read(buffer) >= 0) {
        // drained
      }
    }
    String path = request.getRequestURI();
    if (path.startsWith("/async-same")) {
      AsyncContext async = request.startAsync();
      async.setTimeout(0);
      answer((HttpServletResponse) async.getResponse());
      async.complete();
    } else if (path.startsWith("/async-other")) {
      AsyncContext async = request.startAsync();
      if (!path.startsWith("/async-other-timeout")) {
        async.setTimeout(0);
      }
      OTHER.execute(
          () -> {
            try {
              answer((HttpServletResponse) async.getResponse());
            } catch (IOException e) {
              // the client left
            }
            async.complete();
          });
    } else {
      answer(response);
    }
  }

  private static void answer(HttpServletResponse response) throws IOException {
    response.setContentType("application/json");
    response.setContentLength(ANSWER.length);
    response.getOutputStream().write(ANSWER);
  }
}
