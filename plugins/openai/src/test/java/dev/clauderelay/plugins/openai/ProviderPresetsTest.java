package dev.clauderelay.plugins.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.plugin.api.ProviderPreset;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderPresetsTest {

  private static final List<ProviderPreset> PRESETS =
      List.of(
          new DeepSeekPreset(),
          new ModelScopeQwenPreset(),
          new ZhipuGlmPreset(),
          new OpenRouterPreset(),
          new OpenAiCompatiblePreset());

  @Test
  void offersTheFiveProvidersUnderStableIds() {
    assertThat(PRESETS)
        .extracting(ProviderPreset::id)
        .containsExactly(
            "deepseek", "modelscope-qwen", "zhipu-glm", "openrouter", "openai-compatible");
  }

  @Test
  void givesEachAVersionedHttpsBaseUrlThatChatCompletionsAppendsTo() {
    assertThat(PRESETS)
        .allSatisfy(
            preset -> {
              assertThat(preset.kind()).isEqualTo("openai");
              assertThat(preset.transformerId()).isEqualTo("openai");
              assertThat(preset.baseUrl()).startsWith("https://").doesNotEndWith("/");
              URI endpoint = URI.create(preset.baseUrl() + RequestTranslation.PATH);
              assertThat(endpoint.getPath()).matches("/.*v\\d+/chat/completions");
              assertThat(preset.models()).isNotEmpty().doesNotHaveDuplicates();
            });
    assertThat(new DeepSeekPreset().baseUrl()).isEqualTo("https://api.deepseek.com/v1");
    assertThat(new DeepSeekPreset().models()).containsExactly("deepseek-chat", "deepseek-reasoner");
    assertThat(new ZhipuGlmPreset().baseUrl()).isEqualTo("https://open.bigmodel.cn/api/paas/v4");
    assertThat(new ModelScopeQwenPreset().models()).contains("Qwen/Qwen3-Coder-480B-A35B-Instruct");
  }

  @Test
  void listsEveryExtensionInTheIndexPf4jReads() throws IOException {
    // Test classes get an (empty) index of their own, so read every copy on the class path.
    StringBuilder listed = new StringBuilder();
    Enumeration<URL> indexes = getClass().getClassLoader().getResources("META-INF/extensions.idx");
    while (indexes.hasMoreElements()) {
      try (InputStream index = indexes.nextElement().openStream()) {
        listed.append(new String(index.readAllBytes(), StandardCharsets.UTF_8));
      }
    }

    assertThat(listed.toString())
        .contains(AnthropicToOpenAiTransformer.class.getName())
        .contains(DeepSeekPreset.class.getName())
        .contains(ModelScopeQwenPreset.class.getName())
        .contains(ZhipuGlmPreset.class.getName())
        .contains(OpenRouterPreset.class.getName())
        .contains(OpenAiCompatiblePreset.class.getName());
  }
}
