package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * {@code POST /api/admin/claude-accounts/{id}/auth}: no code (or no body) starts the OAuth sign-in,
 * the pasted {@code code#state} finishes it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountSignInRequest(@Size(max = 4096) String code) implements Serializable {}
