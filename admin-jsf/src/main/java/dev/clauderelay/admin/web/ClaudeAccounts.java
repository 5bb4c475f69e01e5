package dev.clauderelay.admin.web;

import dev.clauderelay.admin.api.ClaudeAccountView;
import dev.clauderelay.admin.relay.RelayAdminClient;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The Claude accounts tab: the official accounts the relay uses, adding one (OAuth or an API key),
 * the OAuth sign-in (open the authorize link, paste the code Claude shows, see the result),
 * refreshing and deleting.
 */
@Named
@ViewScoped
public class ClaudeAccounts implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private RelayAdminClient relay;
  @Inject private ConsoleCalls calls;

  private List<ClaudeAccountView> accounts = List.of();
  private boolean loaded;

  private String newName;
  private String newAuthType = "oauth";
  private String newApiKey;

  private ClaudeAccountView signingIn;
  private String authorizeUrl;
  private String code;
  private ClaudeAccountView signedIn;

  /** Whether any account has reported its usage windows: the chart shows only then. */
  public boolean isWindowsReported() {
    return accounts.stream().anyMatch(a -> a.usageWindows() != null);
  }

  /** Each account's windows, percent used, as grouped bars. */
  public String getWindowsChart() {
    java.util.Map<String, java.util.Map<String, Integer>> byAccount =
        new java.util.LinkedHashMap<>();
    for (ClaudeAccountView account : accounts) {
      if (account.usageWindows() == null) {
        continue;
      }
      java.util.Map<String, Integer> percent = new java.util.LinkedHashMap<>();
      account.usageWindows().windows().forEach(w -> percent.put(w.name(), w.percent()));
      byAccount.put(account.name(), percent);
    }
    return ChartJson.windowBars(byAccount);
  }

  public void load() {
    accounts = calls.attempt("accounts.loadFailed", relay::accounts).orElse(List.of());
    loaded = true;
  }

  /** Adds the account; an OAuth one goes straight on to its sign-in. */
  public void create() {
    String apiKey = "api_key".equals(newAuthType) ? newApiKey : null;
    newApiKey = null; // the key goes to the relay, never back to a page
    calls
        .attempt(
            "accounts.createFailed",
            who -> relay.createAccount(who, newName.strip(), newAuthType, apiKey))
        .ifPresent(
            account -> {
              calls.info("accounts.created", account.name());
              newName = null;
              if ("oauth".equals(account.authType())) {
                startSignIn(account);
              }
              load();
            });
  }

  /** Asks the relay for an authorize URL (a new PKCE verifier and state each time). */
  public void startSignIn(ClaudeAccountView account) {
    signedIn = null;
    code = null;
    authorizeUrl =
        calls
            .attempt("accounts.signInFailed", who -> relay.startSignIn(who, account.id()))
            .orElse(null);
    signingIn = authorizeUrl == null ? null : account;
  }

  public void completeSignIn() {
    if (signingIn == null) {
      return;
    }
    String pasted = code == null ? "" : code.strip();
    calls
        .attempt("accounts.codeRefused", who -> relay.completeSignIn(who, signingIn.id(), pasted))
        .ifPresent(
            account -> {
              signedIn = account;
              code = null;
              authorizeUrl = null;
              calls.info("accounts.signedIn", account.name());
              load();
            });
  }

  public void closeSignIn() {
    signingIn = null;
    authorizeUrl = null;
    code = null;
    signedIn = null;
  }

  public void refresh(ClaudeAccountView account) {
    calls
        .attempt("accounts.refreshFailed", who -> relay.refreshAccount(who, account.id()))
        .ifPresent(a -> calls.info("accounts.refreshed", a.name()));
    load();
  }

  public void delete(ClaudeAccountView account) {
    if (calls.run("accounts.deleteFailed", who -> relay.deleteAccount(who, account.id()))) {
      calls.info("accounts.deleted", account.name());
    }
    load();
  }

  public List<ClaudeAccountView> getAccounts() {
    return accounts;
  }

  public boolean isLoaded() {
    return loaded;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }

  public String getNewAuthType() {
    return newAuthType;
  }

  public void setNewAuthType(String newAuthType) {
    this.newAuthType = newAuthType;
  }

  public String getNewApiKey() {
    return null; // write-only: a key typed in is never sent back to the browser
  }

  public void setNewApiKey(String newApiKey) {
    this.newApiKey = newApiKey;
  }

  public ClaudeAccountView getSigningIn() {
    return signingIn;
  }

  public String getAuthorizeUrl() {
    return authorizeUrl;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public ClaudeAccountView getSignedIn() {
    return signedIn;
  }
}
