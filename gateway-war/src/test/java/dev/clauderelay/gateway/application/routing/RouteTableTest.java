package dev.clauderelay.gateway.application.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.gateway.application.routing.RouteTable.CompiledRoute;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTableTest {

  private static CompiledRoute route(String description, String pattern, long threshold) {
    return new CompiledRoute(
        1, description, new ModelPattern(pattern), threshold, List.of(new RouteTarget(null, null)));
  }

  private static String resolve(RouteTable table, String model, long tokens, boolean thinking) {
    return table
        .resolve(model, new RequestTraits(tokens, thinking))
        .map(ResolvedRoute::description)
        .orElse("none");
  }

  @Test
  void prefersTheMostSpecificPatternWhateverTheOrder() {
    RouteTable table =
        RouteTable.builder()
            .model(route("everything", "*", Long.MAX_VALUE))
            .model(route("haiku", "*haiku*", Long.MAX_VALUE))
            .build();

    assertThat(resolve(table, "claude-haiku-5-5", 10, false)).isEqualTo("haiku");
    assertThat(resolve(table, "claude-opus-5-5", 10, false)).isEqualTo("everything");
  }

  @Test
  void anExactNameBeatsEveryScenarioAndPattern() {
    RouteTable table =
        RouteTable.builder()
            .model(route("exact", "claude-opus-5-5", Long.MAX_VALUE))
            .model(route("pattern", "claude-*", Long.MAX_VALUE))
            .longContext(route("long", "*", 1000))
            .thinking(route("think", "*", Long.MAX_VALUE))
            .build();

    assertThat(resolve(table, "CLAUDE-OPUS-5-5", 5000, true)).isEqualTo("exact");
  }

  @Test
  void scenarioRoutesComeBeforePatternsInTheirOrder() {
    RouteTable table =
        RouteTable.builder()
            .model(route("pattern", "claude-*", Long.MAX_VALUE))
            .longContext(route("long", "*", 1000))
            .thinking(route("think", "*", Long.MAX_VALUE))
            .background(route("background", "*haiku*", Long.MAX_VALUE))
            .fallback(route("default", "*", Long.MAX_VALUE))
            .build();

    assertThat(resolve(table, "claude-haiku-5-5", 5000, true)).isEqualTo("long");
    assertThat(resolve(table, "claude-haiku-5-5", 10, true)).isEqualTo("think");
    assertThat(resolve(table, "claude-haiku-5-5", 10, false)).isEqualTo("background");
    assertThat(resolve(table, "claude-sonnet-5-5", 10, false)).isEqualTo("pattern");
    assertThat(resolve(table, "gpt-5", 10, false)).isEqualTo("default");
  }

  @Test
  void resolvesNothingWithoutADefaultRoute() {
    RouteTable table =
        RouteTable.builder().model(route("pattern", "claude-*", Long.MAX_VALUE)).build();

    assertThat(resolve(table, "gpt-5", 10, false)).isEqualTo("none");
  }

  @Test
  void aliasesComeRightAfterExactNames() {
    RouteTable table =
        RouteTable.builder()
            .alias(route("alias", "fast", Long.MAX_VALUE))
            .model(route("everything", "*", Long.MAX_VALUE))
            .build();

    assertThat(resolve(table, "fast", 10, false)).isEqualTo("alias");
    assertThat(table.exactModels()).containsExactly("fast");
  }

  @Test
  void patternsMatchWholeNamesWithStarAndQuestionMark() {
    assertThat(new ModelPattern("claude-?-*").matches("claude-3-opus")).isTrue();
    assertThat(new ModelPattern("claude-?-*").matches("claude-35-opus")).isFalse();
    assertThat(new ModelPattern("haiku").matches("claude-haiku")).isFalse();
    assertThat(new ModelPattern("a.b").matches("axb")).isFalse();
  }
}
