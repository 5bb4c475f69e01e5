package dev.clauderelay.gateway.application.account;

import dev.clauderelay.gateway.application.admin.AdminActor;
import dev.clauderelay.gateway.application.admin.Audit;
import dev.clauderelay.gateway.application.admin.ConflictException;
import dev.clauderelay.gateway.application.admin.InvalidInputException;
import dev.clauderelay.gateway.application.admin.NotFoundException;
import dev.clauderelay.gateway.application.topology.TopologyChanged;
import dev.clauderelay.gateway.domain.model.account.AccountAuthType;
import dev.clauderelay.gateway.domain.model.account.AccountStatus;
import dev.clauderelay.gateway.domain.model.account.ClaudeAccount;
import dev.clauderelay.gateway.domain.model.account.ClaudeAccountRepository;
import dev.clauderelay.gateway.infrastructure.crypto.EncryptionService;
import dev.clauderelay.gateway.infrastructure.crypto.Secrets;
import dev.clauderelay.gateway.infrastructure.oauth.ClaudeOAuthClient;
import dev.clauderelay.gateway.infrastructure.oauth.OAuthException;
import dev.clauderelay.gateway.infrastructure.oauth.OAuthTokens;
import dev.clauderelay.gateway.infrastructure.oauth.Pkce;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Claude accounts' life: created as OAuth (signed in later) or API key accounts; the OAuth sign-in
 * in two steps (the authorize URL, then the code the admin pastes back, checked against the state);
 * refreshes, whose failure marks the account and takes it out of routing without touching the
 * others.
 */
@ApplicationScoped
@Transactional
public class ClaudeAccountService {

  private static final Logger LOG = Logger.getLogger(ClaudeAccountService.class.getName());

  /** The answer to starting a sign-in: where the admin goes to get a code. */
  public record SignInStarted(ClaudeAccount account, String authorizeUrl) {}

  @Inject private ClaudeAccountRepository accounts;
  @Inject private EncryptionService encryption;
  @Inject private ClaudeOAuthClient oauth;
  @Inject private Audit audit;
  @Inject private Event<TopologyChanged> changed;

  public List<ClaudeAccount> list() {
    return accounts.all();
  }

  public ClaudeAccount get(long id) {
    return accounts
        .find(id)
        .orElseThrow(() -> new NotFoundException("No Claude account with id " + id + "."));
  }

  /**
   * @param authType {@code oauth} or {@code api_key}
   * @param apiKey required for an API key account, refused for an OAuth one
   */
  public ClaudeAccount create(String name, String authType, String apiKey, AdminActor actor) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("name", "required");
    }
    String trimmed = name.strip();
    if (trimmed.length() > 100) {
      throw new InvalidInputException("name", "must be at most 100 characters");
    }
    if (accounts.findByName(trimmed).isPresent()) {
      throw new ConflictException("A Claude account named '" + trimmed + "' exists already.");
    }
    AccountAuthType type = authType(authType);
    ClaudeAccount account = new ClaudeAccount(trimmed, type);
    if (type == AccountAuthType.API_KEY) {
      if (apiKey == null || apiKey.isBlank()) {
        throw new InvalidInputException("apiKey", "required for an api_key account");
      }
      String key = apiKey.strip();
      if (key.length() < 20 || key.chars().anyMatch(c -> c <= ' ' || c > '~')) {
        throw new InvalidInputException(
            "apiKey", "must be at least 20 printable characters without spaces");
      }
      account.useApiKey(encryption.encrypt(key), Secrets.mask(key));
    } else if (apiKey != null && !apiKey.isBlank()) {
      throw new InvalidInputException(
          "apiKey", "an oauth account signs in instead; leave apiKey out");
    }
    account = accounts.save(account);
    audit.record(
        actor,
        "claude-account.create",
        "claude-account",
        account.id(),
        "name=" + trimmed + " type=" + type);
    changed.fire(new TopologyChanged("Claude account " + trimmed + " added"));
    return account;
  }

  public void delete(long id, AdminActor actor) {
    ClaudeAccount account = get(id);
    accounts.delete(account);
    audit.record(actor, "claude-account.delete", "claude-account", id, "name=" + account.name());
    changed.fire(new TopologyChanged("Claude account " + account.name() + " deleted"));
  }

  /** Step one: a fresh PKCE verifier and state, and the authorize URL carrying them. */
  public SignInStarted startSignIn(long id, AdminActor actor) {
    ClaudeAccount account = oauthAccount(id);
    Pkce pkce = Pkce.create();
    String state = Secrets.randomToken(24);
    account.beginOAuth(encryption.encrypt(pkce.verifier()), state);
    accounts.save(account);
    audit.record(
        actor, "claude-account.oauth-start", "claude-account", id, "name=" + account.name());
    return new SignInStarted(account, oauth.authorizeUrl(pkce, state));
  }

  /**
   * Step two: the code Claude showed the admin, as {@code code#state} (or the code alone); the
   * state must be the one of step one.
   */
  public ClaudeAccount completeSignIn(long id, String pasted, AdminActor actor) {
    ClaudeAccount account = oauthAccount(id);
    if (pasted == null || pasted.isBlank()) {
      throw new InvalidInputException(
          "code", "required: paste the code Claude showed, as code#state");
    }
    if (account.oauthState() == null || account.pkceVerifierCiphertext() == null) {
      throw new ConflictException(
          "No sign-in is in progress for this account; start one first (POST without a code).");
    }
    String value = pasted.strip();
    int hash = value.indexOf('#');
    String code = hash < 0 ? value : value.substring(0, hash);
    String state = hash < 0 ? account.oauthState() : value.substring(hash + 1);
    if (!MessageDigest.isEqual(
        state.getBytes(StandardCharsets.UTF_8),
        account.oauthState().getBytes(StandardCharsets.UTF_8))) {
      audit.record(
          actor,
          "claude-account.oauth-state-mismatch",
          "claude-account",
          id,
          "name=" + account.name());
      throw new InvalidInputException(
          "code", "the state does not match the sign-in this relay started; start again");
    }
    OAuthTokens tokens;
    try {
      tokens = oauth.exchange(code, state, encryption.decrypt(account.pkceVerifierCiphertext()));
    } catch (OAuthException e) {
      throw new InvalidInputException("code", e.getMessage());
    }
    store(account, tokens);
    audit.record(
        actor, "claude-account.oauth-complete", "claude-account", id, "name=" + account.name());
    changed.fire(new TopologyChanged("Claude account " + account.name() + " signed in"));
    return account;
  }

  /**
   * Refreshes one OAuth account's tokens. A failure marks the account (expired or error, with the
   * reason) and takes it out of routing; it never throws, so one account cannot stop the others'
   * refresh.
   *
   * @return whether the refresh succeeded
   */
  public boolean refresh(long id, String why) {
    ClaudeAccount account = accounts.find(id).orElse(null);
    if (account == null
        || account.authType() != AccountAuthType.OAUTH
        || account.refreshTokenCiphertext() == null) {
      return false;
    }
    try {
      OAuthTokens tokens = oauth.refresh(encryption.decrypt(account.refreshTokenCiphertext()));
      store(account, tokens);
      audit.record(
          AdminActor.system("oauth-refresh"), "claude-account.refresh", "claude-account", id, why);
      changed.fire(new TopologyChanged("Claude account " + account.name() + " refreshed"));
      return true;
    } catch (OAuthException e) {
      boolean wasUsable =
          account.status() == AccountStatus.ACTIVE
              || account.status() == AccountStatus.RATE_LIMITED;
      account.markStatus(
          e.permanent() ? AccountStatus.EXPIRED : AccountStatus.ERROR,
          "refresh failed (" + why + "): " + e.getMessage());
      accounts.save(account);
      audit.record(
          AdminActor.system("oauth-refresh"),
          "claude-account.refresh-failed",
          "claude-account",
          id,
          why + ": " + e.getMessage());
      if (wasUsable) {
        changed.fire(new TopologyChanged("Claude account " + account.name() + " refresh failed"));
      }
      return false;
    }
  }

  /** Stores a rate limit the request path saw; the live pool has it already. */
  public void recordLimit(long id, LocalDateTime until, LocalDateTime at, String reason) {
    accounts.recordLimit(id, until, at, limit(reason));
  }

  /**
   * Stores that the upstream refused an account's credential, and rebuilds the relay's view so
   * every part of it agrees the account is out of use.
   */
  public void recordRefusal(long id, String reason) {
    if (accounts.recordRefusal(id, limit(reason))) {
      LOG.log(Level.WARNING, "Claude account {0} taken out of use: {1}", new Object[] {id, reason});
      changed.fire(new TopologyChanged("Claude account " + id + " refused upstream"));
    }
  }

  private static String limit(String reason) {
    return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
  }

  /**
   * Ids of the OAuth accounts with a refresh token, for the timers; not the expired ones, whose
   * refresh token the OAuth server refused for good (they need a new sign-in).
   */
  public List<Long> refreshable() {
    return accounts.all().stream()
        .filter(a -> a.authType() == AccountAuthType.OAUTH && a.refreshTokenCiphertext() != null)
        .filter(a -> a.status() != AccountStatus.EXPIRED)
        .map(ClaudeAccount::id)
        .toList();
  }

  /** Ids of the OAuth accounts whose access token expires before {@code horizon}. */
  public List<Long> expiringBefore(LocalDateTime horizon) {
    return accounts.all().stream()
        .filter(a -> a.authType() == AccountAuthType.OAUTH && a.refreshTokenCiphertext() != null)
        .filter(a -> a.status() == AccountStatus.ACTIVE || a.status() == AccountStatus.RATE_LIMITED)
        .filter(a -> a.expiresAt() != null && a.expiresAt().isBefore(horizon))
        .map(ClaudeAccount::id)
        .toList();
  }

  private void store(ClaudeAccount account, OAuthTokens tokens) {
    account.storeTokens(
        encryption.encrypt(tokens.accessToken()),
        tokens.refreshToken() == null ? null : encryption.encrypt(tokens.refreshToken()),
        Secrets.mask(tokens.accessToken()),
        LocalDateTime.ofInstant(tokens.expiresAt(), ZoneOffset.UTC),
        tokens.scopes());
    accounts.save(account);
  }

  private ClaudeAccount oauthAccount(long id) {
    ClaudeAccount account = get(id);
    if (account.authType() != AccountAuthType.OAUTH) {
      throw new ConflictException(
          "Account '" + account.name() + "' is an API key account; it has no OAuth sign-in.");
    }
    return account;
  }

  private static AccountAuthType authType(String value) {
    if (value == null || value.isBlank()) {
      return AccountAuthType.OAUTH;
    }
    try {
      return AccountAuthType.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("authType", "use oauth or api_key");
    }
  }
}
