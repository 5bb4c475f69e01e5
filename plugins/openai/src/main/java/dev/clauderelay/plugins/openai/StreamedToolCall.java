package dev.clauderelay.plugins.openai;

import dev.clauderelay.plugin.support.Json;

/**
 * One tool call of an OpenAI stream, as {@link OpenAiToAnthropicStreamTranslator} follows it: its
 * identity as far as known, the arguments held until its block may open, and the block's state.
 */
final class StreamedToolCall {

  /** Where the call's block stands: not opened yet, streaming its arguments, or closed. */
  enum State {
    HELD,
    LIVE,
    CLOSED
  }

  /** The upstream's index of the call, which orders held calls. */
  final int index;

  private final JsonCompletion completion;
  private final StringBuilder held;
  String id;
  String name;
  State state;

  StreamedToolCall(int index) {
    this.index = index;
    this.completion = new JsonCompletion();
    this.held = new StringBuilder();
    this.id = null;
    this.name = null;
    this.state = State.HELD;
  }

  /** Keeps the first non-empty id and name: some servers repeat them, some send "" later. */
  void learnIdentity(String newId, String newName) {
    if (id == null && !Json.isEmpty(newId)) {
      id = newId;
    }
    if (name == null && !Json.isEmpty(newName)) {
      name = newName;
    }
  }

  boolean identified() {
    return id != null && name != null;
  }

  void hold(String fragment) {
    held.append(fragment);
  }

  String takeHeld() {
    String arguments = held.toString();
    held.setLength(0);
    return arguments;
  }

  /** Notes a fragment of arguments streamed to the client. */
  void streamed(String fragment) {
    completion.feed(fragment);
  }

  /** Whether the arguments streamed so far form one complete JSON value. */
  boolean argumentsComplete() {
    return completion.complete();
  }
}
