package dev.clauderelay.gateway.domain.model.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A Claude account the official provider can send requests with. Its tokens (or API key) are stored
 * encrypted; the PKCE verifier and state of an OAuth sign-in in progress too.
 */
@Entity
@Table(name = "claude_account")
public class ClaudeAccount {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "name", nullable = false, length = 100)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "auth_type", nullable = false, length = 20)
  private AccountAuthType authType;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  private AccountStatus status;

  @Column(name = "status_reason", length = 500)
  private String statusReason;

  @Column(name = "access_token_ciphertext", length = 4096)
  private String accessTokenCiphertext;

  @Column(name = "refresh_token_ciphertext", length = 4096)
  private String refreshTokenCiphertext;

  @Column(name = "api_key_ciphertext", length = 2048)
  private String apiKeyCiphertext;

  @Column(name = "masked_credential", length = 64)
  private String maskedCredential;

  @Column(name = "scopes", length = 500)
  private String scopes;

  @Column(name = "expires_at")
  private LocalDateTime expiresAt;

  @Column(name = "last_refresh_at")
  private LocalDateTime lastRefreshAt;

  @Column(name = "rate_limited_until")
  private LocalDateTime rateLimitedUntil;

  @Column(name = "last_limited_at")
  private LocalDateTime lastLimitedAt;

  /** Written by the key state writer alone (the request path's report), never by admin saves. */
  @Column(name = "usage_windows", length = 2000, insertable = false, updatable = false)
  private String usageWindows;

  @Column(name = "pkce_verifier_ciphertext", length = 1024)
  private String pkceVerifierCiphertext;

  @Column(name = "oauth_state", length = 128)
  private String oauthState;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected ClaudeAccount() {}

  public ClaudeAccount(String name, AccountAuthType authType) {
    this.name = name;
    this.authType = authType;
    this.status = AccountStatus.PENDING;
    this.createdAt = LocalDateTime.now(ZoneOffset.UTC);
    this.updatedAt = createdAt;
  }

  /** An API key account gets its key at once and is usable. */
  public void useApiKey(String ciphertext, String masked) {
    this.apiKeyCiphertext = ciphertext;
    this.maskedCredential = masked;
    markStatus(AccountStatus.ACTIVE, null);
  }

  /** An OAuth sign-in starts: remembers the PKCE verifier (encrypted) and the state. */
  public void beginOAuth(String verifierCiphertext, String state) {
    this.pkceVerifierCiphertext = verifierCiphertext;
    this.oauthState = state;
    this.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
  }

  /** Tokens from a code exchange or a refresh; the sign-in in progress, if any, is over. */
  public void storeTokens(
      String accessCiphertext,
      String refreshCiphertext,
      String masked,
      LocalDateTime expiry,
      String grantedScopes) {
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    this.accessTokenCiphertext = accessCiphertext;
    if (refreshCiphertext != null) {
      this.refreshTokenCiphertext = refreshCiphertext;
    }
    this.maskedCredential = masked;
    this.expiresAt = expiry;
    if (grantedScopes != null) {
      this.scopes = grantedScopes;
    }
    this.lastRefreshAt = now;
    this.pkceVerifierCiphertext = null;
    this.oauthState = null;
    if (status == AccountStatus.RATE_LIMITED
        && rateLimitedUntil != null
        && rateLimitedUntil.isAfter(now)) {
      // A new token does not lift a rate limit.
      this.updatedAt = now;
    } else {
      this.rateLimitedUntil = null;
      markStatus(AccountStatus.ACTIVE, null);
    }
  }

  public void markStatus(AccountStatus newStatus, String reason) {
    this.status = newStatus;
    this.statusReason = reason;
    this.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public AccountAuthType authType() {
    return authType;
  }

  public AccountStatus status() {
    return status;
  }

  public String statusReason() {
    return statusReason;
  }

  public String accessTokenCiphertext() {
    return accessTokenCiphertext;
  }

  public String refreshTokenCiphertext() {
    return refreshTokenCiphertext;
  }

  public String apiKeyCiphertext() {
    return apiKeyCiphertext;
  }

  public String maskedCredential() {
    return maskedCredential;
  }

  public String scopes() {
    return scopes;
  }

  public LocalDateTime expiresAt() {
    return expiresAt;
  }

  public LocalDateTime lastRefreshAt() {
    return lastRefreshAt;
  }

  public LocalDateTime rateLimitedUntil() {
    return rateLimitedUntil;
  }

  /** When the upstream last rate limited the account; {@code null} if never. */
  /** The last report of the account's usage windows, as JSON, or {@code null}. */
  public String usageWindows() {
    return usageWindows;
  }

  public LocalDateTime lastLimitedAt() {
    return lastLimitedAt;
  }

  public String pkceVerifierCiphertext() {
    return pkceVerifierCiphertext;
  }

  public String oauthState() {
    return oauthState;
  }

  public LocalDateTime createdAt() {
    return createdAt;
  }

  public LocalDateTime updatedAt() {
    return updatedAt;
  }
}
