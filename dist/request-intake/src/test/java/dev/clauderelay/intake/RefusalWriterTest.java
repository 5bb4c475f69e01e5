package dev.clauderelay.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefusalWriterTest {

  @Test
  void writesAnthropicsErrorShapeWithTheTypeOfEachRefusal() throws Exception {
    Map<Refusal, String> types =
        Map.of(
            Refusal.TOO_LARGE, "request_too_large",
            Refusal.BUSY, "overloaded_error",
            Refusal.TOO_SLOW, "timeout_error",
            Refusal.FAILED, "api_error");
    for (Map.Entry<Refusal, String> expected : types.entrySet()) {
      JsonNode error = write(expected.getKey(), "no");
      assertThat(error.get("type").asText()).isEqualTo("error");
      assertThat(error.get("error").get("type").asText()).isEqualTo(expected.getValue());
    }
  }

  @Test
  void aMessageWithQuotesBackslashesAndControlCharactersStaysValidJson() throws Exception {
    String message = "a \"quoted\" C:\\path\nnext\tline\u0001 and 中文";

    JsonNode error = write(Refusal.TOO_SLOW, message);

    assertThat(error.get("error").get("message").asText()).isEqualTo(message);
  }

  private static JsonNode write(Refusal refusal, String message) throws Exception {
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    Map<String, Object> set = new HashMap<>();
    ServletOutputStream out =
        new ServletOutputStream() {
          @Override
          public void write(int b) {
            written.write(b);
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {}
        };
    HttpServletResponse response =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                RefusalWriterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                  switch (method.getName()) {
                    case "getOutputStream":
                      return out;
                    case "setContentType":
                    case "setContentLength":
                      set.put(method.getName(), args[0]);
                      return null;
                    default:
                      return null;
                  }
                });

    RefusalWriter.anthropicShaped().write(response, refusal, message);

    assertThat(set).containsEntry("setContentType", "application/json");
    assertThat(set.get("setContentLength")).isEqualTo(written.size());
    return new ObjectMapper().readTree(written.toByteArray());
  }
}
