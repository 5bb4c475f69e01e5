package dev.clauderelay.gateway.application.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.gateway.application.pricing.Price;
import dev.clauderelay.gateway.application.pricing.PriceTable;
import dev.clauderelay.gateway.application.pricing.SeedPrices;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Recorded usages (Anthropic as it answers; OpenAI-compatible and Gemini as their translators hand
 * them to the client) read as the relay reads them, and priced with the shipped prices.
 */
class CostOfRecordedUsageTest {

  private final PriceTable prices = SeedPrices.table();

  @Test
  void anAnthropicAnswerWithCacheWritesAndReadsPaysEachAtItsRate() throws IOException {
    // Sonnet 4.5: 4 x $3 + 312 x $15 + 2051 x $3.75 + 17236 x $0.30 per million
    assertThat(costOfMessage("anthropic-cache.json", "claude-sonnet-4-5-20250929"))
        .isEqualTo(17_554_050L);
  }

  @Test
  void anAnthropicAnswerWithoutCachePaysInputAndOutput() throws IOException {
    // Haiku 4.5: 1203 x $1 + 5 x $5 per million
    assertThat(costOfMessage("anthropic-no-cache.json", "claude-haiku-4-5-20251001"))
        .isEqualTo(1_228_000L);
  }

  @Test
  void anAnthropicStreamIsPricedFromItsLastUsage() throws IOException {
    UsageTally usage = new UsageTally();
    String sse = read("anthropic-cache.sse");
    for (String block : sse.split("\n\n")) {
      String event = null;
      String data = null;
      for (String line : block.split("\n")) {
        if (line.startsWith("event: ")) {
          event = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data = line.substring(6);
        }
      }
      if (event != null) {
        usage.observeEvent(event, data);
      }
    }
    // Opus 4.5: 10 x $5 + 800 x $25 + 5000 x $6.25 + 40000 x $0.50 per million
    assertThat(cost(usage, "claude-opus-4-5-20251101")).isEqualTo(71_300_000L);
  }

  @Test
  void anOpenAiCompatibleCacheHitPaysCachedTokensAtTheCacheReadRate() throws IOException {
    // DeepSeek: 96 uncached x $0.28 + 120 x $0.42 + 11904 cached x $0.028 per million
    assertThat(costOfMessage("openai-deepseek-cache-hit.json", "deepseek-chat"))
        .isEqualTo(410_592L);
  }

  @Test
  void anOpenAiAnswerWithoutCachePaysInputAndOutput() throws IOException {
    // gpt-4.1: 4323 x $2 + 52 x $8 per million
    assertThat(costOfMessage("openai-no-cache.json", "gpt-4.1")).isEqualTo(9_062_000L);
  }

  @Test
  void aGeminiAnswerWithCachedContentPaysItAtTheCacheReadRate() throws IOException {
    // gemini-2.5-pro: 162 x $1.25 + 149 x $10 + 2048 cached x $0.125 per million
    assertThat(costOfMessage("gemini-cached-content.json", "gemini-2.5-pro")).isEqualTo(1_948_500L);
  }

  private long costOfMessage(String file, String servedModel) throws IOException {
    UsageTally usage = new UsageTally();
    assertThat(usage.observeMessage(read(file).getBytes(StandardCharsets.UTF_8))).isTrue();
    return cost(usage, servedModel);
  }

  private long cost(UsageTally usage, String servedModel) {
    Price price = prices.priceOf(servedModel, "claude-opus-5-5");
    assertThat(price).as(servedModel).isNotNull();
    return price.costNanos(
        usage.inputTokens, usage.outputTokens, usage.cacheCreationTokens, usage.cacheReadTokens);
  }

  private static String read(String file) throws IOException {
    try (InputStream in = CostOfRecordedUsageTest.class.getResourceAsStream("/costs/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
