package dev.clauderelay.plugins.openai;

import java.util.List;
import org.pf4j.Extension;

/** ModelScope API-Inference serving Qwen models; model ids carry the {@code Qwen/} namespace. */
@Extension
public class ModelScopeQwenPreset extends OpenAiKindPreset {

  public ModelScopeQwenPreset() {
    super(
        "modelscope-qwen",
        "ModelScope Qwen",
        "https://api-inference.modelscope.cn/v1",
        List.of(
            "Qwen/Qwen3-Coder-480B-A35B-Instruct",
            "Qwen/Qwen3-Coder-30B-A3B-Instruct",
            "Qwen/Qwen3-235B-A22B-Instruct-2507",
            "Qwen/Qwen3-235B-A22B-Thinking-2507"));
  }
}
