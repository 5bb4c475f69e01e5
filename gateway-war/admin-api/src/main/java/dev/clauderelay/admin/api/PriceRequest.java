package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A price an admin sets ({@code POST /api/admin/prices}, {@code PUT /api/admin/prices/{id}}); in
 * the prices file, one entry. Amounts per million tokens, at most 6 decimals; {@code
 * cacheWritePerMtok} defaults to 1.25x input and {@code cacheReadPerMtok} to 0.1x input
 * (Anthropic's ratios), {@code currency} to USD.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PriceRequest(
    @Size(max = 200) String model,
    @Size(min = 3, max = 3) String currency,
    @DecimalMin("0") BigDecimal inputPerMtok,
    @DecimalMin("0") BigDecimal outputPerMtok,
    @DecimalMin("0") BigDecimal cacheWritePerMtok,
    @DecimalMin("0") BigDecimal cacheReadPerMtok,
    @Size(max = 300) String note)
    implements Serializable {}
