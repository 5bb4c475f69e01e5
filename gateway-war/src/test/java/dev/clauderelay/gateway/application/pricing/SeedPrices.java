package dev.clauderelay.gateway.application.pricing;

import dev.clauderelay.gateway.application.routing.ModelPattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The prices the V7 migration ships, read from the migration itself: tests price with them. */
public final class SeedPrices {

  private static final Pattern ROW =
      Pattern.compile(
          "\\('([^']+)',\\s*'(\\w{3})',\\s*([\\d.]+),\\s*([\\d.]+),\\s*([\\d.]+),\\s*([\\d.]+),");

  private SeedPrices() {}

  public static PriceTable table() {
    try (InputStream in =
        SeedPrices.class.getResourceAsStream("/db/migration/V7__prices_costs_budgets.sql")) {
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<Price> prices = new ArrayList<>();
      Matcher m = ROW.matcher(sql);
      while (m.find()) {
        prices.add(
            new Price(
                new ModelPattern(m.group(1)),
                m.group(2),
                new BigDecimal(m.group(3)),
                new BigDecimal(m.group(4)),
                new BigDecimal(m.group(5)),
                new BigDecimal(m.group(6))));
      }
      return new PriceTable(prices);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
