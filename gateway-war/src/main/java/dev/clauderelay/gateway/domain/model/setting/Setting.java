package dev.clauderelay.gateway.domain.model.setting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** One named setting: a small value the relay keeps across restarts. */
@Entity
@Table(name = "relay_setting")
public class Setting {

  @Id
  @Column(name = "name", length = 128)
  private String name;

  @Column(name = "value", nullable = false)
  private String value;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  protected Setting() {}

  public Setting(String name, String value) {
    this.name = name;
    change(value);
  }

  public void change(String newValue) {
    this.value = newValue;
    this.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
  }

  public String name() {
    return name;
  }

  public String value() {
    return value;
  }

  public LocalDateTime updatedAt() {
    return updatedAt;
  }
}
