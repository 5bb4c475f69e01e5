package dev.clauderelay.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clauderelay.admin.api.PluginCatalog;
import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.PropertyNotWritableException;
import jakarta.el.VariableMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordELResolverTest {

  private final RecordELResolver resolver = new RecordELResolver();
  private final PluginCatalog.Extension extension =
      new PluginCatalog.Extension("KeySelectionStrategy", "round-robin", "Each key in turn");

  @Test
  void readsARecordComponentByName() {
    ELContext context = new BareContext();

    assertThat(resolver.getValue(context, extension, "id")).isEqualTo("round-robin");
    assertThat(context.isPropertyResolved()).isTrue();
  }

  @Test
  void readsComponentsOfNestedPublicRecords() {
    PluginCatalog catalog = new PluginCatalog("/p", List.of());

    assertThat(resolver.getValue(new BareContext(), catalog, "pluginsDir")).isEqualTo("/p");
  }

  @Test
  void leavesOtherPropertiesAndObjectsToTheNextResolver() {
    ELContext context = new BareContext();

    assertThat(resolver.getValue(context, extension, "nonsense")).isNull();
    assertThat(resolver.getValue(context, "not a record", "id")).isNull();
    assertThat(context.isPropertyResolved()).isFalse();
  }

  @Test
  void recordsAreReadOnly() {
    ELContext context = new BareContext();

    assertThat(resolver.isReadOnly(context, extension, "id")).isTrue();
    assertThatThrownBy(() -> resolver.setValue(context, extension, "id", "x"))
        .isInstanceOf(PropertyNotWritableException.class);
  }

  /** An EL context with nothing in it: enough for a resolver that needs none of it. */
  private static final class BareContext extends ELContext {

    @Override
    public ELResolver getELResolver() {
      return null;
    }

    @Override
    public FunctionMapper getFunctionMapper() {
      return null;
    }

    @Override
    public VariableMapper getVariableMapper() {
      return null;
    }
  }
}
