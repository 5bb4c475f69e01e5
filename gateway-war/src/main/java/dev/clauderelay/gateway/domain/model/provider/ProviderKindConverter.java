package dev.clauderelay.gateway.domain.model.provider;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a kind by its wire name ({@code anthropic}), the name admins use too. */
@Converter
public class ProviderKindConverter implements AttributeConverter<ProviderKind, String> {

  @Override
  public String convertToDatabaseColumn(ProviderKind kind) {
    return kind == null ? null : kind.wireName();
  }

  @Override
  public ProviderKind convertToEntityAttribute(String value) {
    return value == null ? null : ProviderKind.fromWireName(value);
  }
}
