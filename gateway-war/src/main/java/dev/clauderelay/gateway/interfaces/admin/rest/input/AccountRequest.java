package dev.clauderelay.gateway.interfaces.admin.rest.input;

import jakarta.validation.constraints.Size;

/** A new Claude account: {@code oauth} (signs in next) or {@code api_key} (with its key). */
public record AccountRequest(
    @Size(max = 100) String name, String authType, @Size(max = 1024) String apiKey) {}
