package dev.clauderelay.plugins.openai;

import java.util.List;
import org.pf4j.Extension;

/** Zhipu's open platform (bigmodel.cn) GLM models; its API version is v4, not v1. */
@Extension
public class ZhipuGlmPreset extends OpenAiKindPreset {

  public ZhipuGlmPreset() {
    super(
        "zhipu-glm",
        "Zhipu GLM",
        "https://open.bigmodel.cn/api/paas/v4",
        List.of("glm-4.6", "glm-4.5", "glm-4.5-air", "glm-4.5-flash"));
  }
}
