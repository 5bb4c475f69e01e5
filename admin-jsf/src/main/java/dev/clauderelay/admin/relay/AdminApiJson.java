package dev.clauderelay.admin.relay;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The console's JSON for the admin API: reads answers into the contract's records and writes its
 * request records, with Jackson configured like the gateway (instants as ISO-8601 strings), but
 * lenient where the gateway is strict: fields this console does not know are ignored (a newer
 * relay), and a list or map that is absent reads as empty. An answer the records cannot hold is a
 * {@link MalformedAnswerException}, naming the field.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AdminApiJson implements MessageBodyReader<Record>, MessageBodyWriter<Record> {

  static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .withConfigOverride(
              List.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
          .withConfigOverride(
              Map.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
          .build();

  /**
   * The {@code error.message} of an error answer, {@code {"type":"error","error":{...}}}; when the
   * body has no such message (a proxy's HTML page, an empty body), a sentence naming the status.
   */
  public static String errorMessage(int status, String body) {
    try {
      JsonNode message = body == null ? null : JSON.readTree(body).path("error").path("message");
      if (message != null && message.isTextual() && !message.asText().isBlank()) {
        return message.asText();
      }
    } catch (JsonProcessingException e) {
      // Not the API's error shape: fall through to the generic sentence.
    }
    return "The relay answered HTTP " + status + " without an explanation.";
  }

  /** Reads an answer into a record of the contract. */
  public static <T> T read(String body, Class<T> type) {
    return read(body, JSON.constructType(type));
  }

  private static <T> T read(String body, JavaType type) {
    if (body == null || body.isBlank()) {
      throw new MalformedAnswerException("empty answer");
    }
    try {
      return JSON.readValue(body, type);
    } catch (JsonMappingException e) {
      throw new MalformedAnswerException(describe(e));
    } catch (JsonProcessingException e) {
      throw new MalformedAnswerException("not JSON");
    }
  }

  /** The field's path, then Jackson's words: {@code keys.total: Missing required ...}. */
  private static String describe(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference step : e.getPath()) {
      if (step.getFieldName() == null) {
        path.append('[').append(step.getIndex()).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(step.getFieldName());
      }
    }
    return (path.length() == 0 ? "" : path + ": ") + e.getOriginalMessage();
  }

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return Record.class.isAssignableFrom(type);
  }

  @Override
  public Record readFrom(
      Class<Record> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    return read(
        new String(entityStream.readAllBytes(), StandardCharsets.UTF_8),
        JSON.constructType(genericType));
  }

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return Record.class.isAssignableFrom(type);
  }

  @Override
  public void writeTo(
      Record value,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> httpHeaders,
      OutputStream entityStream)
      throws IOException {
    entityStream.write(JSON.writeValueAsBytes(value)); // the stream is Jersey's to close
  }

  /** The answer is not the admin API's JSON: a wrong URL, a proxy page, a gateway bug. */
  public static class MalformedAnswerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedAnswerException(String message) {
      super(message);
    }
  }
}
