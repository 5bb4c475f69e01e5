package dev.clauderelay.gateway.testclock;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /it-clock?advanceMillis=n} moves the relay's clock; answers the clock's time. */
@WebServlet(urlPatterns = "/it-clock")
public class ClockServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String advance = request.getParameter("advanceMillis");
    if (advance != null) {
      MovableRelayClock.OFFSET_MILLIS.addAndGet(Long.parseLong(advance));
    }
    response.setContentType("text/plain");
    response.getWriter().print(System.currentTimeMillis() + MovableRelayClock.OFFSET_MILLIS.get());
  }
}
