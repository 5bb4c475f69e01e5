package dev.clauderelay.plugins.openai;

import java.util.List;
import org.pf4j.Extension;

/** DeepSeek's API: V3 chat and the R1-style reasoner, which streams reasoning_content. */
@Extension
public class DeepSeekPreset extends OpenAiKindPreset {

  public DeepSeekPreset() {
    super(
        "deepseek",
        "DeepSeek",
        "https://api.deepseek.com/v1",
        List.of("deepseek-chat", "deepseek-reasoner"));
  }
}
