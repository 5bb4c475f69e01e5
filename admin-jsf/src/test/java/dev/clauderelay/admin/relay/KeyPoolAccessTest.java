package dev.clauderelay.admin.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyPoolAccessTest {

  private static final AdminCredentials WHO = new AdminCredentials("t", "127.0.0.1");
  private static final RelayRefusedException NO_ENDPOINT =
      new RelayRefusedException(
          404, "No such endpoint. Clients use POST /v1/messages; admins /api/admin/*.", "{}");

  /** A relay whose admin API has the key-pool endpoints, or not. */
  private static final class FakeRelay extends RelayAdminClient {
    boolean hasKeyPoolApi;
    final AtomicInteger pageCalls = new AtomicInteger();
    final AtomicInteger listCalls = new AtomicInteger();
    final List<String> added = new ArrayList<>();

    @Override
    public KeyPage keyPoolPage(AdminCredentials who, long providerId, KeyQuery query) {
      pageCalls.incrementAndGet();
      if (!hasKeyPoolApi) {
        throw NO_ENDPOINT;
      }
      return new KeyPage(0, java.util.Map.of(), List.of());
    }

    @Override
    public List<ImportResult> keyPoolImport(
        AdminCredentials who, long providerId, String text, int firstLine) {
      if (!hasKeyPoolApi) {
        throw NO_ENDPOINT;
      }
      return List.of(new ImportResult(firstLine, "sk-...", true, "added"));
    }

    @Override
    public List<PoolKey> providerKeys(AdminCredentials who, long providerId) {
      listCalls.incrementAndGet();
      return List.of(
          new PoolKey(1, "sk-1...aaaa", null, 1, "active", null, null, 0, 0, 0, 0, null, null));
    }

    @Override
    public void addProviderKey(AdminCredentials who, long providerId, String key) {
      if (key.contains(" ")) {
        throw new RelayRefusedException(400, "key: must be printable ASCII without spaces", "");
      }
      if (added.contains(key)) {
        throw new RelayRefusedException(409, "Provider 'p' has this key already.", "");
      }
      added.add(key);
    }

    @Override
    public List<String> keyPoolOperation(
        AdminCredentials who, long providerId, String operation, List<Long> keyIds) {
      if (!hasKeyPoolApi) {
        throw NO_ENDPOINT;
      }
      return List.of("affected: " + keyIds.size());
    }
  }

  private final FakeRelay relay = new FakeRelay();
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final KeyPoolAccess access = new KeyPoolAccess();

  @BeforeEach
  void wire() {
    access.useRelay(relay);
    access.useClock(now::get);
  }

  @Test
  void usesTheKeyPoolApiWhenTheRelayHasIt() {
    relay.hasKeyPoolApi = true;

    access.page(WHO, 1, new KeyQuery(0, 25, null, null, null, false));

    assertThat(relay.pageCalls).hasValue(1);
    assertThat(relay.listCalls).hasValue(0);
  }

  @Test
  void fallsBackToTheProviderKeysAndAsksAgainAfterAMinute() {
    KeyPage page = access.page(WHO, 1, new KeyQuery(0, 25, null, null, null, false));
    access.page(WHO, 1, new KeyQuery(0, 25, null, null, null, false));

    assertThat(page.total()).isEqualTo(1);
    assertThat(relay.pageCalls).as("asked once, then believed").hasValue(1);
    assertThat(relay.listCalls).as("the copy is kept a few seconds").hasValue(1);
    assertThat(access.pagedApi()).isFalse();

    now.addAndGet(KeyPoolAccess.PROBE_AGAIN_MS);
    relay.hasKeyPoolApi = true;
    access.page(WHO, 1, new KeyQuery(0, 25, null, null, null, false));

    assertThat(relay.pageCalls).hasValue(2);
    assertThat(access.pagedApi()).isTrue();
  }

  @Test
  void aMissingProviderIsNotAMissingApi() {
    RelayRefusedException missingProvider =
        new RelayRefusedException(404, "No provider with id 9.", "{}");

    assertThat(KeyPoolAccess.isMissingEndpoint(missingProvider)).isFalse();
    assertThat(KeyPoolAccess.isMissingEndpoint(NO_ENDPOINT)).isTrue();
  }

  @Test
  void importWithoutTheApiAddsKeyByKeyAndReportsEachLine() {
    List<ImportResult> results =
        access.importLines(
            WHO, 1, List.of("sk-good-key-000001", "not a key", "sk-good-key-000001"), 1);

    assertThat(results).extracting(ImportResult::line).containsExactly(1, 2, 3);
    assertThat(results).extracting(ImportResult::added).containsExactly(true, false, false);
    assertThat(results.get(1).message()).startsWith("key:");
    assertThat(results.get(2).message()).contains("already");
    assertThat(results).extracting(ImportResult::maskedKey).noneMatch(m -> m.contains("good-key"));
  }

  @Test
  void operationsWithoutTheApiSayWhatIsMissing() {
    access.page(WHO, 1, new KeyQuery(0, 25, null, null, null, false));

    assertThatThrownBy(() -> access.operate(WHO, 1, "disable", List.of(1L)))
        .isInstanceOf(KeyPoolUnsupportedException.class)
        .hasMessage("disable");
  }

  @Test
  void operationsGoThroughTheApiWhenItIsThere() {
    relay.hasKeyPoolApi = true;

    assertThat(access.operate(WHO, 1, "disable", List.of(1L, 2L))).containsExactly("affected: 2");
  }

  @Test
  void anOperationThatFindsNoEndpointMarksTheApiMissing() {
    assertThatThrownBy(() -> access.operate(WHO, 1, "enable", List.of(1L)))
        .isInstanceOf(KeyPoolUnsupportedException.class);
    assertThat(access.pagedApi()).isFalse();
  }

  @Test
  void keyMaskKeepsOnlyTheEnds() {
    assertThat(KeyMask.of("sk-abcdefghijklmnop-1234")).isEqualTo("sk-abc...1234");
    assertThat(KeyMask.of("short")).isEqualTo("...rt");
    assertThat(KeyMask.of("")).isEmpty();
  }
}
