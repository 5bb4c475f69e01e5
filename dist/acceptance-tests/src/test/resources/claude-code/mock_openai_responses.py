#!/usr/bin/env python3
"""Scripted mock of the OpenAI Responses API (python3 stdlib only), strict where the real one is.

The same script as the Claude Code harness's mock_openai.py, spoken as POST /v1/responses, so it
can sit upstream of a relay that turns Anthropic /v1/messages (from Claude Code) into Responses
API requests.

Serves:
  POST /v1/responses               JSON, or SSE when body.stream is true: response.created,
                                   response.in_progress, per output item output_item.added, its
                                   deltas (reasoning_summary_text / output_text /
                                   function_call_arguments), output_item.done, then
                                   response.completed, with event: lines and sequence_number.
  POST /v1/responses/input_tokens  {"object":"response.input_tokens","input_tokens":N}
  GET  /v1/models                  a small model list

Scripted behaviour (input items after the last assistant-side item = current turn):
  * a function_call_output in the current turn  -> text "DONE: <output>"
  * user text contains RUN_TOOL and a Bash-like function tool is declared
                                                 -> function_call Bash({"command": "echo harness-ok > marker.txt"})
  * text.format json_schema                      -> minimal instance of the schema
  * otherwise                                    -> text "pong"
When include asks for reasoning.encrypted_content, every answer starts with a reasoning item (a
summary and encrypted content this mock issued and remembers).

Checks, each answered with the 400 the real API would give (and logged with "rejected"):
  * unknown top-level parameters; max_output_tokens below 16; input not a list
  * a reasoning input item whose encrypted_content this mock never issued, or without one
  * --require-cache-key: a request without prompt_cache_key
  * --require-reasoning-back: a request that continues a function call (function_call_output)
    answered by a reasoning-carrying response must send that reasoning item back, by id and
    encrypted content, before the function_call

Every request is appended to --log as one JSON line {ts, seq, method, path, headers, body, reply}.

Usage: mock_openai_responses.py --port 0 --port-file F --log L [--require-cache-key]
       [--require-reasoning-back] [--expect-key K]
"""
import argparse
import base64
import json
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

MARKER = "RUN_TOOL"
TOOL_COMMAND = "echo harness-ok > marker.txt"
MIN_OUTPUT_TOKENS = 16
KNOWN_PARAMETERS = {
    "model", "input", "instructions", "tools", "tool_choice", "parallel_tool_calls",
    "max_output_tokens", "max_tool_calls", "temperature", "top_p", "top_logprobs", "reasoning",
    "include", "store", "stream", "stream_options", "prompt_cache_key", "prompt_cache_retention",
    "safety_identifier", "user", "metadata", "text", "truncation", "service_tier", "background",
    "previous_response_id", "conversation", "prompt"}
_lock = threading.Lock()
_seq = [0]
_issued = {}         # reasoning id -> encrypted content
_call_reasoning = {}  # call_id -> reasoning id that preceded the call


def _text(content):
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    out = []
    for p in content if isinstance(content, list) else []:
        if isinstance(p, dict) and p.get("type") in ("input_text", "output_text", "text"):
            out.append(p.get("text", ""))
    return "\n".join(out)


def schema_instance(schema, key=""):
    t = schema.get("type")
    if isinstance(t, list):
        t = next((x for x in t if x != "null"), "null")
    if schema.get("enum"):
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    for comb in ("anyOf", "oneOf", "allOf"):
        if schema.get(comb):
            return schema_instance(schema[comb][0], key)
    if t == "object" or "properties" in schema:
        return {k: schema_instance(v, k) for k, v in (schema.get("properties") or {}).items()}
    if t == "array":
        return []
    if t == "boolean":
        return False
    if t in ("integer", "number"):
        return 0
    if t == "null":
        return None
    return "Harness session" if "title" in key.lower() else "pong"


def find_bash_tool(tools):
    fns = [t for t in tools or [] if isinstance(t, dict) and t.get("type") == "function"]
    for fn in fns:
        if fn.get("name") == "Bash":
            return fn["name"], fn.get("parameters") or {}
    for fn in fns:
        if "command" in ((fn.get("parameters") or {}).get("properties") or {}):
            return fn.get("name"), fn.get("parameters") or {}
    return None, None


def assistant_side(item):
    return item.get("type") in ("function_call", "reasoning") or (
        item.get("type", "message") == "message" and item.get("role") == "assistant")


def decide(body):
    """Returns (text or None, call or None, label)."""
    items = [i for i in body.get("input") or [] if isinstance(i, dict)]
    tail = []
    for i in reversed(items):
        if assistant_side(i):
            break
        tail.insert(0, i)
    outputs = [i for i in tail if i.get("type") == "function_call_output"]
    if outputs:
        txt = "\n".join(_text(i.get("output")).strip() for i in outputs).strip()
        return "DONE: " + (txt or "(empty)"), None, "done"
    user_text = "\n".join(_text(i.get("content")) for i in tail
                          if i.get("type", "message") == "message" and i.get("role") == "user")
    name, params = find_bash_tool(body.get("tools"))
    if MARKER in user_text and name:
        args = {"command": TOOL_COMMAND}
        if "description" in ((params or {}).get("properties") or {}):
            args["description"] = "Write harness marker file"
        return None, {"name": name, "arguments": json.dumps(args),
                      "call_id": "call_" + uuid.uuid4().hex[:24]}, "tool_use"
    fmt = ((body.get("text") or {}).get("format") or {})
    if fmt.get("type") == "json_schema":
        return json.dumps(schema_instance(fmt.get("schema") or {})), None, "side-json-schema"
    return "pong", None, "pong"


def check(body, server):
    """The 400 message the real API would answer, or None."""
    if not isinstance(body, dict):
        return "Invalid body: expected an object."
    for key in body:
        if key not in KNOWN_PARAMETERS:
            return "Unknown parameter: '%s'." % key
    if not isinstance(body.get("input"), list):
        return "Invalid type for 'input': expected a list of items."
    mot = body.get("max_output_tokens")
    if mot is not None and mot < MIN_OUTPUT_TOKENS:
        return ("Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16,"
                " but got %d instead." % mot)
    if server.require_cache_key and not body.get("prompt_cache_key"):
        return "mock: prompt_cache_key is required (--require-cache-key)"
    items = body["input"]
    for n, item in enumerate(items):
        if not isinstance(item, dict):
            return "Invalid input item %d." % n
        if item.get("type") == "reasoning":
            enc = item.get("encrypted_content")
            if not enc:
                return ("Item with id '%s' not found. Items are not persisted when `store` is set"
                        " to false." % item.get("id"))
            with _lock:
                known = _issued.get(item.get("id"))
            if known != enc:
                return ("The encrypted content for item %s could not be verified." % item.get("id"))
            following = items[n + 1] if n + 1 < len(items) else None
            if following is None or not assistant_side(following) or following.get("type") == "reasoning":
                return ("Item '%s' of type 'reasoning' was provided without its required following"
                        " item." % item.get("id"))
        if item.get("type") == "function_call" and server.require_reasoning_back:
            with _lock:
                wanted = _call_reasoning.get(item.get("call_id"))
            if wanted:
                before = [i.get("id") for i in items[:n] if i.get("type") == "reasoning"]
                if wanted not in before:
                    return ("mock: the reasoning item %s that led to call %s was not sent back"
                            " before it (--require-reasoning-back)" % (wanted, item.get("call_id")))
    return None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "mock-openai-responses/1.0"

    def log_message(self, fmt, *args):
        if self.server.verbose:
            sys.stderr.write("[mock-responses] " + (fmt % args) + "\n")

    def _log(self, body, reply):
        u = urlsplit(self.path)
        with _lock:
            _seq[0] += 1
            rec = {"ts": time.time(), "seq": _seq[0], "method": self.command, "path": u.path,
                   "query": u.query, "headers": dict(self.headers.items()), "body": body,
                   "reply": reply}
            if self.server.log_path:
                with open(self.server.log_path, "a") as f:
                    f.write(json.dumps(rec) + "\n")

    def _json(self, code, obj):
        data = json.dumps(obj).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-request-id", "req_mock_" + uuid.uuid4().hex[:16])
        self.end_headers()
        self.wfile.write(data)

    def _err(self, code, msg, etype="invalid_request_error", ecode=None, param=None):
        self._json(code, {"error": {"message": msg, "type": etype, "param": param, "code": ecode}})

    def do_GET(self):
        u = urlsplit(self.path)
        if u.path.rstrip("/").endswith("/models"):
            self._log(None, {"status": 200})
            return self._json(200, {"object": "list", "data": [
                {"id": m, "object": "model", "created": 1700000000, "owned_by": "mock"}
                for m in ("gpt-5.1", "gpt-5.1-codex", "gpt-5-mini")]})
        self._log(None, {"status": 404})
        return self._err(404, "Not found: " + u.path)

    def do_POST(self):
        u = urlsplit(self.path)
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        try:
            body = json.loads(raw.decode() or "null")
        except ValueError:
            self._log({"_raw": raw.decode(errors="replace")}, {"status": 400})
            return self._err(400, "We could not parse the JSON body of your request.")
        if self.server.expect_key:
            if (self.headers.get("Authorization") or "") != "Bearer " + self.server.expect_key:
                self._log(body, {"status": 401})
                return self._err(401, "Incorrect API key provided.", ecode="invalid_api_key")
        path = u.path.rstrip("/")
        if path.endswith("/responses/input_tokens"):
            tokens = max(1, len(json.dumps([body.get("instructions"), body.get("input"),
                                            body.get("tools")])) // 4)
            self._log(body, {"status": 200, "input_tokens": tokens})
            return self._json(200, {"object": "response.input_tokens", "input_tokens": tokens})
        if not path.endswith("/responses"):
            self._log(body, {"status": 404})
            return self._err(404, "Not found: " + u.path)
        problem = check(body, self.server)
        if problem:
            self._log(body, {"status": 400, "rejected": problem})
            return self._err(400, problem)
        text, call, label = decide(body)
        reasoning = "reasoning.encrypted_content" in (body.get("include") or [])
        reasoning_sent_back = [i.get("id") for i in body["input"] if i.get("type") == "reasoning"]
        self.respond(body, text, call, label, reasoning, reasoning_sent_back)

    def respond(self, body, text, call, label, reasoning, reasoning_sent_back):
        rid = "resp_" + uuid.uuid4().hex
        model = body.get("model") or "gpt-5.1"
        output = []
        if reasoning:
            rs_id = "rs_" + uuid.uuid4().hex[:24]
            enc = "gAAAAAB" + base64.urlsafe_b64encode(
                json.dumps({"turn": label, "nonce": uuid.uuid4().hex}).encode()).decode()
            with _lock:
                _issued[rs_id] = enc
                if call:
                    _call_reasoning[call["call_id"]] = rs_id
            output.append({"id": rs_id, "type": "reasoning", "encrypted_content": enc,
                           "summary": [{"type": "summary_text",
                                        "text": "**Following the script**\n\nAnswer: " + label}]})
        if text is not None:
            output.append({"id": "msg_" + uuid.uuid4().hex[:24], "type": "message",
                           "status": "completed", "role": "assistant",
                           "content": [{"type": "output_text", "annotations": [], "logprobs": [],
                                        "text": text}]})
        if call:
            output.append({"id": "fc_" + uuid.uuid4().hex[:24], "type": "function_call",
                           "status": "completed", "arguments": call["arguments"],
                           "call_id": call["call_id"], "name": call["name"]})
        input_tokens = max(1, len(json.dumps(body.get("input"))) // 4)
        cached = (input_tokens // 2) if body.get("prompt_cache_key") else 0
        output_tokens = max(1, len(json.dumps(output)) // 8)
        usage = {"input_tokens": input_tokens, "input_tokens_details": {"cached_tokens": cached},
                 "output_tokens": output_tokens,
                 "output_tokens_details": {"reasoning_tokens": 8 if reasoning else 0},
                 "total_tokens": input_tokens + output_tokens}
        stream = bool(body.get("stream"))
        self._log(body, {"status": 200, "label": label, "stream": stream,
                         "reasoning_issued": [o["id"] for o in output if o["type"] == "reasoning"],
                         "reasoning_sent_back": reasoning_sent_back,
                         "prompt_cache_key": body.get("prompt_cache_key"), "text": text,
                         "call": call})

        def response(status, out, use):
            return {"id": rid, "object": "response", "created_at": int(time.time()),
                    "status": status, "background": False, "error": None,
                    "incomplete_details": None, "instructions": body.get("instructions"),
                    "max_output_tokens": body.get("max_output_tokens"), "model": model,
                    "output": out, "parallel_tool_calls": body.get("parallel_tool_calls", True),
                    "previous_response_id": None,
                    "prompt_cache_key": body.get("prompt_cache_key"),
                    "reasoning": body.get("reasoning") or {"effort": None, "summary": None},
                    "store": body.get("store", True), "temperature": 1.0,
                    "text": {"format": {"type": "text"}, "verbosity": "medium"},
                    "tool_choice": body.get("tool_choice", "auto"), "tools": body.get("tools") or [],
                    "top_p": 1.0, "truncation": "disabled", "usage": use, "user": None,
                    "metadata": {}}

        if not stream:
            return self._json(200, response("completed", output, usage))
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        seq = [0]

        def send(type_, **fields):
            data = {"type": type_, "sequence_number": seq[0]}
            data.update(fields)
            seq[0] += 1
            payload = ("event: %s\ndata: %s\n\n" % (type_, json.dumps(data))).encode()
            self.wfile.write(b"%x\r\n%s\r\n" % (len(payload), payload))
            self.wfile.flush()

        send("response.created", response=response("in_progress", [], None))
        send("response.in_progress", response=response("in_progress", [], None))
        for index, item in enumerate(output):
            if item["type"] == "reasoning":
                send("response.output_item.added", output_index=index,
                     item={"id": item["id"], "type": "reasoning", "summary": []})
                for si, part in enumerate(item["summary"]):
                    send("response.reasoning_summary_part.added", item_id=item["id"],
                         output_index=index, summary_index=si,
                         part={"type": "summary_text", "text": ""})
                    t = part["text"]
                    for j in range(0, len(t), 12):
                        send("response.reasoning_summary_text.delta", item_id=item["id"],
                             output_index=index, summary_index=si, delta=t[j:j + 12])
                    send("response.reasoning_summary_text.done", item_id=item["id"],
                         output_index=index, summary_index=si, text=t)
                    send("response.reasoning_summary_part.done", item_id=item["id"],
                         output_index=index, summary_index=si, part=part)
            elif item["type"] == "message":
                send("response.output_item.added", output_index=index,
                     item={"id": item["id"], "type": "message", "status": "in_progress",
                           "content": [], "role": "assistant"})
                send("response.content_part.added", item_id=item["id"], output_index=index,
                     content_index=0,
                     part={"type": "output_text", "annotations": [], "logprobs": [], "text": ""})
                t = item["content"][0]["text"]
                for j in range(0, len(t), 8):
                    send("response.output_text.delta", item_id=item["id"], output_index=index,
                         content_index=0, delta=t[j:j + 8], logprobs=[])
                send("response.output_text.done", item_id=item["id"], output_index=index,
                     content_index=0, text=t, logprobs=[])
                send("response.content_part.done", item_id=item["id"], output_index=index,
                     content_index=0, part=item["content"][0])
            else:
                send("response.output_item.added", output_index=index,
                     item=dict(item, status="in_progress", arguments=""))
                a = item["arguments"]
                for j in range(0, len(a), 10):
                    send("response.function_call_arguments.delta", item_id=item["id"],
                         output_index=index, delta=a[j:j + 10])
                send("response.function_call_arguments.done", item_id=item["id"],
                     output_index=index, arguments=a)
            send("response.output_item.done", output_index=index, item=item)
        send("response.completed", response=response("completed", output, usage))
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8767)
    ap.add_argument("--log", default=None)
    ap.add_argument("--port-file", default=None)
    ap.add_argument("--expect-key", default=None)
    ap.add_argument("--require-cache-key", action="store_true")
    ap.add_argument("--require-reasoning-back", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    srv = ThreadingHTTPServer((a.host, a.port), Handler)
    srv.daemon_threads = True
    srv.log_path, srv.expect_key, srv.verbose = a.log, a.expect_key, a.verbose
    srv.require_cache_key, srv.require_reasoning_back = a.require_cache_key, a.require_reasoning_back
    port = srv.server_address[1]
    if a.port_file:
        with open(a.port_file, "w") as f:
            f.write(str(port))
    print("LISTENING %d" % port, flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
