package dev.clauderelay.gateway.application.relay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import java.io.IOException;

/**
 * A client's {@code /v1/messages} body, read once with a streaming parser: it is checked to be
 * well-formed JSON and the few fields the relay acts on are picked out, while the bytes stay as the
 * client sent them (an Anthropic upstream receives them unchanged, only {@code model} rewritten in
 * place when a route maps it).
 *
 * @param body the bytes as received
 * @param model the requested model
 * @param stream whether the client asked for a stream
 * @param thinking whether the request enables extended thinking
 * @param userId {@code metadata.user_id}, or {@code null}
 * @param modelStart byte offset of the model's JSON string (its opening quote)
 * @param modelEnd byte offset just after the model's closing quote
 */
public record MessagesRequest(
    byte[] body,
    String model,
    boolean stream,
    boolean thinking,
    String userId,
    int modelStart,
    int modelEnd) {

  private static final JsonFactory JSON = new JsonFactory();

  /**
   * @param requireMessages whether {@code messages} must be present ({@code count_tokens} and
   *     {@code messages} both need it)
   * @throws GatewayError {@code invalid_request_error} naming the problem
   */
  public static MessagesRequest parse(byte[] body, boolean requireMessages) {
    if (body.length == 0) {
      throw invalid("The request body is empty; send a JSON object with model and messages.");
    }
    String model = null;
    boolean stream = false;
    boolean thinking = false;
    boolean messages = false;
    String userId = null;
    int modelStart = -1;
    int modelEnd = -1;
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw invalid("The request body must be a JSON object.");
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "model" -> {
            if (value != JsonToken.VALUE_STRING) {
              throw invalid("model: must be a string, such as \"claude-sonnet-4-5\".");
            }
            modelStart = (int) parser.currentTokenLocation().getByteOffset();
            model = parser.getText();
            modelEnd = (int) parser.currentLocation().getByteOffset();
          }
          case "stream" -> stream = readStream(value);
          case "messages" -> {
            if (value != JsonToken.START_ARRAY) {
              throw invalid("messages: must be an array of {role, content} objects.");
            }
            messages = true;
            parser.skipChildren();
          }
          case "metadata" -> userId = readUserId(parser, value);
          case "thinking" -> thinking = readThinking(parser, value);
          default -> parser.skipChildren();
        }
      }
      if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
        throw invalid("The request body must hold exactly one JSON object.");
      }
    } catch (JsonParseException e) {
      throw invalid(
          "The request body is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ").");
    } catch (IOException e) {
      throw invalid("The request body could not be read as JSON.");
    }
    if (model == null || model.isBlank()) {
      throw invalid("model: field required.");
    }
    if (requireMessages && !messages) {
      throw invalid("messages: field required.");
    }
    return new MessagesRequest(body, model, stream, thinking, userId, modelStart, modelEnd);
  }

  /**
   * {@code stream} must be a boolean, as Anthropic requires: a relay that took {@code "yes"} for
   * true would stream where Anthropic refuses. {@code null} is taken as absent, as Anthropic does
   * for optional fields; so for {@code metadata} and {@code thinking}.
   */
  private static boolean readStream(JsonToken value) {
    if (value == JsonToken.VALUE_NULL) {
      return false;
    }
    if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
      throw invalid("stream: must be a boolean (true or false).");
    }
    return value == JsonToken.VALUE_TRUE;
  }

  private static String readUserId(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.START_OBJECT) {
      throw invalid("metadata: must be an object, such as {\"user_id\": \"...\"}.");
    }
    String userId = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken inner = parser.nextToken();
      if ("user_id".equals(field) && inner == JsonToken.VALUE_STRING) {
        userId = parser.getText();
      } else if ("user_id".equals(field) && inner != JsonToken.VALUE_NULL) {
        throw invalid("metadata.user_id: must be a string.");
      } else {
        parser.skipChildren();
      }
    }
    return userId;
  }

  private static boolean readThinking(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return false;
    }
    if (value != JsonToken.START_OBJECT) {
      throw invalid(
          "thinking: must be an object, such as {\"type\": \"enabled\", \"budget_tokens\": 1024}.");
    }
    boolean enabled = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken inner = parser.nextToken();
      if ("type".equals(field) && inner == JsonToken.VALUE_STRING) {
        String type = parser.getText();
        enabled = "enabled".equals(type) || "adaptive".equals(type);
      } else if ("type".equals(field)) {
        throw invalid("thinking.type: must be a string, such as \"enabled\".");
      } else {
        parser.skipChildren();
      }
    }
    return enabled;
  }

  /** The body with {@code model} replaced; the same array when the model does not change. */
  public byte[] withModel(String upstreamModel) {
    if (upstreamModel.equals(model)) {
      return body;
    }
    byte[] quoted = JsonStringEncoder.getInstance().quoteAsUTF8(upstreamModel);
    byte[] result = new byte[body.length - (modelEnd - modelStart) + quoted.length + 2];
    System.arraycopy(body, 0, result, 0, modelStart);
    int at = modelStart;
    result[at++] = '"';
    System.arraycopy(quoted, 0, result, at, quoted.length);
    at += quoted.length;
    result[at++] = '"';
    System.arraycopy(body, modelEnd, result, at, body.length - modelEnd);
    return result;
  }

  /** A cheap size estimate (about four bytes a token) for long-context routing. */
  public long estimatedInputTokens() {
    return body.length / 4L;
  }

  private static GatewayError invalid(String message) {
    return new GatewayError(ErrorType.INVALID_REQUEST, message);
  }
}
