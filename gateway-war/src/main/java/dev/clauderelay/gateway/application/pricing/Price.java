package dev.clauderelay.gateway.application.pricing;

import dev.clauderelay.gateway.application.routing.ModelPattern;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A model's price as the request path applies it: per million tokens of each kind, in {@code
 * currency}. Amounts are exact decimals; a cost is computed exactly and rounded once, to
 * nano-units.
 */
public record Price(
    ModelPattern pattern,
    String currency,
    BigDecimal inputPerMtok,
    BigDecimal outputPerMtok,
    BigDecimal cacheWritePerMtok,
    BigDecimal cacheReadPerMtok) {

  private static final BigDecimal NANOS_PER_UNIT_PER_MTOK = BigDecimal.valueOf(1_000L); // 1e9/1e6

  /**
   * The cost of these counts, in nano-units of the currency (1e-9), rounded half up. Input tokens
   * are the uncached ones (Anthropic's {@code input_tokens}; translated providers' prompt count
   * less their cached part).
   */
  public long costNanos(long input, long output, long cacheWrite, long cacheRead) {
    BigDecimal perMtok =
        inputPerMtok
            .multiply(BigDecimal.valueOf(input))
            .add(outputPerMtok.multiply(BigDecimal.valueOf(output)))
            .add(cacheWritePerMtok.multiply(BigDecimal.valueOf(cacheWrite)))
            .add(cacheReadPerMtok.multiply(BigDecimal.valueOf(cacheRead)));
    return perMtok
        .multiply(NANOS_PER_UNIT_PER_MTOK)
        .setScale(0, RoundingMode.HALF_UP)
        .longValueExact();
  }
}
