package com.example.relay.acme;

import dev.clauderelay.plugin.api.ProviderPreset;
import java.util.List;
import org.pf4j.Extension;

/**
 * What an admin picks in the console to add an Acme Chat provider: its URL, models and this
 * plugin's transformer. The kind {@code openai} decides only how the relay sends the key ({@code
 * Authorization: Bearer}); the transformer decides the wire format.
 */
@Extension
public class AcmeChatPreset implements ProviderPreset {

  @Override
  public String id() {
    return "acme-chat";
  }

  @Override
  public String description() {
    return "Acme Chat (example provider plugin)";
  }

  @Override
  public String displayName() {
    return "Acme Chat";
  }

  @Override
  public String kind() {
    return "openai";
  }

  @Override
  public String baseUrl() {
    return "https://api.acme.example/v1";
  }

  @Override
  public String transformerId() {
    return AcmeChatTransformer.ID;
  }

  @Override
  public List<String> models() {
    return List.of("acme-large", "acme-small");
  }
}
