package dev.clauderelay.gateway.testplugins;

import dev.clauderelay.plugin.api.KeyCandidates;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugin.api.SelectionContext;
import org.pf4j.Extension;

/** Always the last key: a second test strategy, with its own id. */
@Extension
public class LastInLineStrategy implements KeySelectionStrategy {

  @Override
  public String id() {
    return "last-in-line";
  }

  @Override
  public int select(KeyCandidates candidates, SelectionContext context) {
    return candidates.size() - 1;
  }
}
