package dev.clauderelay.gateway.interfaces.admin.rest.input;

import jakarta.validation.constraints.Size;

/** The OAuth sign-in step: empty to start, the pasted {@code code#state} to finish. */
public record SignInRequest(@Size(max = 4096) String code) {}
