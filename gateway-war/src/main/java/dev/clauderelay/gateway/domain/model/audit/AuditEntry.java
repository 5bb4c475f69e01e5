package dev.clauderelay.gateway.domain.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** One admin action, as the audit log keeps it. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "at", nullable = false)
  private LocalDateTime at;

  @Column(name = "actor", nullable = false, length = 100)
  private String actor;

  @Column(name = "action", nullable = false, length = 100)
  private String action;

  @Column(name = "target_type", length = 50)
  private String targetType;

  @Column(name = "target_id", length = 100)
  private String targetId;

  @Column(name = "detail", length = 2000)
  private String detail;

  @Column(name = "remote_addr", length = 64)
  private String remoteAddr;

  protected AuditEntry() {}

  public AuditEntry(
      String actor,
      String action,
      String targetType,
      String targetId,
      String detail,
      String remoteAddr) {
    this.at = LocalDateTime.now(ZoneOffset.UTC);
    this.actor = truncate(actor, 100);
    this.action = truncate(action, 100);
    this.targetType = truncate(targetType, 50);
    this.targetId = truncate(targetId, 100);
    this.detail = truncate(detail, 2000);
    this.remoteAddr = truncate(remoteAddr, 64);
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  public Long id() {
    return id;
  }

  public LocalDateTime at() {
    return at;
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String targetType() {
    return targetType;
  }

  public String targetId() {
    return targetId;
  }

  public String detail() {
    return detail;
  }

  public String remoteAddr() {
    return remoteAddr;
  }
}
