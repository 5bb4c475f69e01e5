package dev.clauderelay.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormFieldsTest {

  @Test
  void readsFieldsInOrderWithRepeatsEscapesAndUtf8() {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    FormFields.parse(
        "a=1&b=x+y&a=2&%E5%AF%86=%E9%92%A5&flag&bad=%zz&=v".getBytes(StandardCharsets.US_ASCII),
        StandardCharsets.UTF_8,
        fields);
    assertThat(fields)
        .containsEntry("a", List.of("1", "2"))
        .containsEntry("b", List.of("x y"))
        .containsEntry("密", List.of("钥"))
        .containsEntry("flag", List.of(""))
        .doesNotContainKey("bad");
  }
}
