package dev.clauderelay.gateway.testplugins;

import dev.clauderelay.plugin.api.KeyCandidates;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugin.api.SelectionContext;
import org.pf4j.Extension;

/** A third-party bug: the constructor throws, so PF4J cannot create the extension. */
@Extension
public class ExplodingStrategy implements KeySelectionStrategy {

  public ExplodingStrategy() {
    throw new IllegalStateException("boom in the constructor");
  }

  @Override
  public String id() {
    return "exploding";
  }

  @Override
  public int select(KeyCandidates candidates, SelectionContext context) {
    return 0;
  }
}
