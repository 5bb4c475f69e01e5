package dev.clauderelay.admin.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The language of the console for one browser session: the browser's preference until the person
 * picks one with the switch in the header.
 */
@Named
@SessionScoped
public class ConsoleLanguage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One entry of the switch, labelled in its own language. */
  public record Language(String tag, String label) implements Serializable {

    private static final long serialVersionUID = 1L;
  }

  private static final List<Language> LANGUAGES =
      List.of(
          new Language(ConsoleLocales.ENGLISH.toLanguageTag(), "English"),
          new Language(ConsoleLocales.SIMPLIFIED_CHINESE.toLanguageTag(), "简体中文"));

  private Locale chosen;

  public Locale getLocale() {
    if (chosen != null) {
      return chosen;
    }
    FacesContext context = FacesContext.getCurrentInstance();
    if (context == null) {
      return ConsoleLocales.ENGLISH;
    }
    return ConsoleLocales.pick(browserPreferences(context));
  }

  public String getTag() {
    return getLocale().toLanguageTag();
  }

  /** Ignores anything but an offered language, so a crafted value changes nothing. */
  public void setTag(String tag) {
    ConsoleLocales.byTag(tag).ifPresent(locale -> chosen = locale);
  }

  public List<Language> getLanguages() {
    return LANGUAGES;
  }

  /**
   * After a switch: show the same page again, now in the chosen language, with its view parameters
   * (the key-pool page's provider).
   */
  public void reload() {
    FacesContext context = FacesContext.getCurrentInstance();
    String viewId = context.getViewRoot().getViewId();
    context
        .getApplication()
        .getNavigationHandler()
        .handleNavigation(context, null, viewId + "?faces-redirect=true&includeViewParams=true");
  }

  private static List<Locale> browserPreferences(FacesContext context) {
    List<Locale> preferences = new ArrayList<>();
    context.getExternalContext().getRequestLocales().forEachRemaining(preferences::add);
    return preferences;
  }
}
