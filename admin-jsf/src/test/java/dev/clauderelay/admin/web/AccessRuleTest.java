package dev.clauderelay.admin.web;

import static dev.clauderelay.admin.web.AccessRule.Decision.ALLOW;
import static dev.clauderelay.admin.web.AccessRule.Decision.DASHBOARD;
import static dev.clauderelay.admin.web.AccessRule.Decision.SIGN_IN;
import static dev.clauderelay.admin.web.AccessRule.Decision.SIGN_IN_AGAIN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessRuleTest {

  @Test
  void dashboardWithoutAdminSendsToSignIn() {
    assertThat(AccessRule.decide("/dashboard.xhtml", false, false)).isEqualTo(SIGN_IN);
  }

  @Test
  void dashboardAfterTheSessionRanOutSaysSo() {
    assertThat(AccessRule.decide("/dashboard.xhtml", false, true)).isEqualTo(SIGN_IN_AGAIN);
  }

  @Test
  void unknownPagesAreGuardedToo() {
    assertThat(AccessRule.decide("/providers.xhtml", false, false)).isEqualTo(SIGN_IN);
    assertThat(AccessRule.decide("/WEB-INF/templates/console.xhtml", false, false))
        .isEqualTo(SIGN_IN);
  }

  @Test
  void signedInAdminSeesTheDashboard() {
    assertThat(AccessRule.decide("/dashboard.xhtml", true, false)).isEqualTo(ALLOW);
  }

  @Test
  void signInPageIsOpenButSkippedWhenSignedIn() {
    assertThat(AccessRule.decide("/login.xhtml", false, false)).isEqualTo(ALLOW);
    assertThat(AccessRule.decide("/login.xhtml", false, true)).isEqualTo(ALLOW);
    assertThat(AccessRule.decide("/", false, false)).isEqualTo(ALLOW);
    assertThat(AccessRule.decide("/login.xhtml", true, false)).isEqualTo(DASHBOARD);
    assertThat(AccessRule.decide("/", true, false)).isEqualTo(DASHBOARD);
  }

  @Test
  void stylesScriptsAndTheErrorPageNeedNoAdmin() {
    assertThat(AccessRule.decide("/jakarta.faces.resource/theme.css.xhtml", false, false))
        .isEqualTo(ALLOW);
    assertThat(AccessRule.decide("/resources/css/console.css", false, false)).isEqualTo(ALLOW);
    assertThat(AccessRule.decide("/error.xhtml", false, false)).isEqualTo(ALLOW);
  }
}
