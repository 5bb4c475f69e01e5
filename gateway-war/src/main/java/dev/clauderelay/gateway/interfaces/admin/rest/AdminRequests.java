package dev.clauderelay.gateway.interfaces.admin.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.clauderelay.gateway.application.AdminSession;
import dev.clauderelay.gateway.application.admin.AdminActor;
import dev.clauderelay.gateway.application.admin.InvalidInputException;
import dev.clauderelay.gateway.interfaces.rest.AdminAccessFilter;
import dev.clauderelay.gateway.interfaces.rest.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reading admin request bodies into the contract's request records (unknown fields refused, wrong
 * types named by their path), writing its answer records (instants as ISO-8601 strings), and
 * telling who is acting.
 */
final class AdminRequests {

  /**
   * Admin bodies are flat records: 32 levels of nesting are far more than any needs, and refusing
   * deeper ones stops a body built to exhaust the parser's stack.
   */
  static final int MAX_NESTING = 32;

  static final ObjectMapper JSON =
      JsonMapper.builder(
              com.fasterxml.jackson.core.JsonFactory.builder()
                  .streamReadConstraints(
                      com.fasterxml.jackson.core.StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_NESTING)
                          .build())
                  .build())
          .addModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private AdminRequests() {}

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  /**
   * Takes a {@code keys} list of strings out of a JSON object body into {@code keys}, and answers
   * the rest of the body (unchanged when it is not a JSON object; {@link #read} says why).
   */
  static String withoutKeys(String body, List<String> keys) {
    com.fasterxml.jackson.databind.JsonNode tree;
    try {
      tree = body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException e) {
      return body;
    }
    if (!(tree instanceof com.fasterxml.jackson.databind.node.ObjectNode object)
        || !object.has("keys")) {
      return body;
    }
    com.fasterxml.jackson.databind.JsonNode list = object.remove("keys");
    if (!list.isArray()) {
      throw new InvalidInputException("keys", "must be a list of keys (strings)");
    }
    for (int i = 0; i < list.size(); i++) {
      if (!list.get(i).isTextual()) {
        throw new InvalidInputException("keys[" + i + "]", "must be a string");
      }
      keys.add(list.get(i).asText());
    }
    return object.toString();
  }

  /**
   * Reads a body into a request record and checks its Bean Validation constraints; the first
   * violation becomes a 400 naming the field.
   */
  static <T> T read(String body, Class<T> type) {
    T value = parse(body, type);
    Set<ConstraintViolation<T>> violations = VALIDATOR.validate(value);
    if (!violations.isEmpty()) {
      ConstraintViolation<T> first =
          violations.stream()
              .min(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
              .orElseThrow();
      throw new InvalidInputException(first.getPropertyPath().toString(), first.getMessage());
    }
    return value;
  }

  private static <T> T parse(String body, Class<T> type) {
    if (body == null || body.isBlank()) {
      throw new InvalidInputException("(body)", "empty; send a JSON object");
    }
    try {
      return JSON.readValue(body, type);
    } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
      throw new InvalidInputException("(body)", "nests deeper than " + MAX_NESTING + " levels");
    } catch (UnrecognizedPropertyException e) {
      throw new InvalidInputException(
          path(e), "unknown field; known fields: " + e.getKnownPropertyIds());
    } catch (JsonMappingException e) {
      throw new InvalidInputException(
          path(e), "has the wrong type or format (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new InvalidInputException("(body)", "not valid JSON");
    }
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static AdminActor actor(
      ContainerRequestContext context, HttpServletRequest request, ClientAddress addresses) {
    AdminSession session = (AdminSession) context.getProperty(AdminAccessFilter.SESSION_PROPERTY);
    if (session == null) {
      // AdminAccessFilter lets no admin write through without a session; should a resource ever
      // be opened by mistake, its writes fail rather than being put down to a person.
      throw new jakarta.ws.rs.NotAuthorizedException("Bearer realm=\"claude-relay-admin\"");
    }
    return new AdminActor(session.username(), addresses.of(request));
  }

  private static String path(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(
                ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    return path.isEmpty() ? "(body)" : path;
  }
}
