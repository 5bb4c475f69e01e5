package dev.clauderelay.admin.web;

import dev.clauderelay.admin.api.ModelCatalog;
import dev.clauderelay.admin.api.RouteRequest;
import dev.clauderelay.admin.api.RouteView;
import dev.clauderelay.admin.relay.RelayAdminClient;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The model selection tab: the default target (where a request goes when no rule matches) and the
 * routing rules, each added, changed, switched on or off and deleted here.
 */
@Named
@ViewScoped
public class ModelSelection implements Serializable {

  private static final long serialVersionUID = 1L;

  static final List<String> SCENARIOS =
      List.of("model", "background", "long_context", "think", "default");

  @Inject private RelayAdminClient relay;
  @Inject private ConsoleCalls calls;

  private ModelCatalog catalog;
  private List<RouteView> routes = List.of();
  private String defaultProvider;
  private String defaultModel;
  private final RouteForm form = new RouteForm();
  private Long editingId;
  private boolean editing;

  public void load() {
    catalog = calls.attempt("models.loadFailed", relay::models).orElse(null);
    routes = calls.attempt("routes.loadFailed", relay::routes).orElse(List.of());
    if (catalog != null && catalog.selected() != null) {
      defaultProvider = catalog.selected().provider();
      defaultModel = catalog.selected().model();
    }
  }

  /** The models of the provider chosen as default, for the model list. */
  public List<String> getDefaultModels() {
    return modelsOf(defaultProvider);
  }

  public List<String> modelsOf(String provider) {
    if (catalog == null || provider == null) {
      return List.of();
    }
    return catalog.providers().stream()
        .filter(p -> p.provider().equals(provider))
        .findFirst()
        .map(ModelCatalog.ProviderModels::models)
        .orElse(List.of());
  }

  public void providerChanged() {
    List<String> models = getDefaultModels();
    defaultModel = models.isEmpty() ? null : models.get(0);
  }

  public void selectDefault() {
    String model = defaultModel == null || defaultModel.isBlank() ? null : defaultModel;
    calls
        .attempt("models.selectFailed", who -> relay.selectModel(who, defaultProvider, model))
        .ifPresent(
            route ->
                calls.info(
                    "models.selected",
                    route.provider() + (route.model() == null ? "" : " / " + route.model())));
    load();
  }

  public void newRoute() {
    editingId = null;
    form.reset();
    editing = true;
  }

  public void edit(RouteView route) {
    editingId = route.id();
    form.fill(route);
    editing = true;
  }

  public void save() {
    RouteRequest draft = form.draft();
    calls
        .attempt("routes.saveFailed", who -> relay.saveRoute(who, editingId, draft))
        .ifPresent(
            route -> {
              calls.info(
                  "routes.saved", route.scenario(), route.match() == null ? "" : route.match());
              editing = false;
              load();
            });
  }

  public void toggle(RouteView route) {
    boolean enable = !route.enabled();
    calls.attempt(
        "routes.saveFailed",
        who ->
            relay.saveRoute(
                who,
                route.id(),
                new RouteRequest(null, null, null, null, null, null, null, enable)));
    load();
  }

  public void delete(RouteView route) {
    if (calls.run("routes.deleteFailed", who -> relay.deleteRoute(who, route.id()))) {
      calls.info("routes.deleted", route.match() == null ? route.scenario() : route.match());
    }
    load();
  }

  public List<String> getProviderNames() {
    return catalog == null
        ? List.of()
        : catalog.providers().stream().map(ModelCatalog.ProviderModels::provider).toList();
  }

  public List<String> getScenarios() {
    return SCENARIOS;
  }

  public ModelCatalog getCatalog() {
    return catalog;
  }

  public List<RouteView> getRoutes() {
    return routes;
  }

  public String getDefaultProvider() {
    return defaultProvider;
  }

  public void setDefaultProvider(String defaultProvider) {
    this.defaultProvider = defaultProvider;
  }

  public String getDefaultModel() {
    return defaultModel;
  }

  public void setDefaultModel(String defaultModel) {
    this.defaultModel = defaultModel;
  }

  public RouteForm getForm() {
    return form;
  }

  public Long getEditingId() {
    return editingId;
  }

  public boolean isEditing() {
    return editing;
  }
}
