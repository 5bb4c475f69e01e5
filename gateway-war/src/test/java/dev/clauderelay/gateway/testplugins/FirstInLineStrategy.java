package dev.clauderelay.gateway.testplugins;

import dev.clauderelay.plugin.api.KeyCandidates;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugin.api.SelectionContext;
import org.pf4j.Extension;

/** Always the first key: a third-party strategy as a test plugin jar would ship it. */
@Extension
public class FirstInLineStrategy implements KeySelectionStrategy {

  @Override
  public String id() {
    return "first-in-line";
  }

  @Override
  public int select(KeyCandidates candidates, SelectionContext context) {
    return 0;
  }
}
