package dev.clauderelay.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.admin.api.ClientKeyRequest;
import dev.clauderelay.admin.api.PresetView;
import dev.clauderelay.admin.api.ProviderRequest;
import dev.clauderelay.admin.api.RouteTarget;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the console's forms send to the admin API. */
class FormsTest {

  @Test
  void listsAreTypedWithCommasOrOnePerLine() {
    assertThat(ProviderForm.splitList(" a, b\n\nc ,")).containsExactly("a", "b", "c");
    assertThat(ProviderForm.splitList(null)).isEmpty();
  }

  @Test
  void aPresetFillsTheFormButKeepsATypedName() {
    PresetView deepseek =
        new PresetView(
            "deepseek",
            "DeepSeek",
            "",
            "openai",
            "https://api.deepseek.com/v1",
            "openai",
            "round-robin",
            List.of("deepseek-chat", "deepseek-reasoner"));
    ProviderForm blank = new ProviderForm();
    ProviderForm named = new ProviderForm();
    named.setName("my-ds");

    blank.apply(deepseek);
    named.apply(deepseek);

    ProviderRequest draft = blank.draft();
    assertThat(draft.name()).isEqualTo("deepseek");
    assertThat(draft.baseUrl()).isEqualTo("https://api.deepseek.com/v1");
    assertThat(draft.models()).containsExactly("deepseek-chat", "deepseek-reasoner");
    assertThat(draft.transformer()).isEqualTo("openai");
    assertThat(named.draft().name()).isEqualTo("my-ds");
  }

  @Test
  void anEmptyTransformerIsSentAsEmptyToClearIt() {
    ProviderForm form = new ProviderForm();
    form.setName("claude");
    form.setKind("anthropic");

    assertThat(form.draft().transformer()).isEmpty();
    assertThat(form.draft().baseUrl()).isNull();
  }

  @Test
  void claudeAccountsAreSentOnlyForAnAnthropicProvider() {
    ProviderForm form = new ProviderForm();
    form.setSessionAffinity(true);
    form.setClaudeAccounts(true);

    form.setKind("openai");
    assertThat(form.draft().claudeAccounts()).isFalse();
    assertThat(form.draft().sessionAffinity()).isTrue();
    form.setKind("anthropic");
    assertThat(form.draft().claudeAccounts()).isTrue();
  }

  @Test
  void theEditFormKeepsAPluginChoiceNoLongerOffered() {
    assertThat(ProviderList.withCurrent(List.of("openai"), "retired"))
        .containsExactly("openai", "retired");
    assertThat(ProviderList.withCurrent(List.of("openai"), "openai")).containsExactly("openai");
    assertThat(ProviderList.withCurrent(List.of("openai"), null)).containsExactly("openai");
  }

  @Test
  void fallbacksAreProvidersWithAnOptionalModel() {
    assertThat(RouteForm.fallbacks("claude, ds/deepseek-chat, gm/"))
        .containsExactly(
            new RouteTarget("claude", null),
            new RouteTarget("ds", "deepseek-chat"),
            new RouteTarget("gm", null));
  }

  @Test
  void aThresholdIsSentOnlyForLongContextRules() {
    RouteForm form = new RouteForm();
    form.setThreshold(60_000L);
    form.setProvider("gm");

    assertThat(form.draft().threshold()).isNull();
    form.setScenario("long_context");
    assertThat(form.draft().threshold()).isEqualTo(60_000L);
  }

  @Test
  void aClientKeyExpiresAtTheEndOfTheChosenDayInUtc() {
    ClientKeys keys = new ClientKeys();
    keys.setName(" laptop ");
    keys.setModelsText("");
    keys.setExpiresOn(LocalDate.of(2027, 1, 31));

    ClientKeyRequest draft = keys.draft(true);

    assertThat(draft.name()).isEqualTo("laptop");
    assertThat(draft.models()).containsExactly("*");
    assertThat(draft.rpmLimit()).isZero();
    assertThat(Instant.parse(draft.expiresAt())).isEqualTo(Instant.parse("2027-01-31T23:59:59Z"));
  }

  @Test
  void clearingTheDateOfAKeyRemovesItsExpiry() {
    ClientKeys keys = new ClientKeys();
    keys.setName("ci");

    assertThat(keys.draft(true).expiresAt()).as("creating: no expiry sent").isNull();
    assertThat(keys.draft(false).expiresAt())
        .as("updating: expiry removed (an empty expiresAt)")
        .isEmpty();
  }
}
