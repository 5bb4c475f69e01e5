#!/usr/bin/env python3
"""Summarise the CPU samples (jdk.ExecutionSample) of a JFR recording of the relay.

  jfr-top.py FILE.jfr [N]
Prints the share of samples per thread group, per request-path stage (inclusive: a sample counts
for every stage on its stack, so stages nest and do not add up to 100%), and the top N self frames.
JFR samples Java code only: GC, JIT compiler and kernel time are not in these figures.
Uses the JDK's `jfr print --json`; stdlib only.
"""
import collections, json, re, subprocess, sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "128", "--events", "jdk.ExecutionSample", path],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(out)["recording"]["events"]

def fname(f):
    m = f["method"]
    return ("%s.%s" % (m["type"]["name"], m["name"])).replace("/", ".")

# (label, regex over a frame): inclusive share of samples with a matching frame on the stack
STAGES = [
    ("servlet: MessagesServlet.service (whole request-side work)", r"interfaces\.proxy\.MessagesServlet\.service$"),
    ("  client key check (ClientKeyAuthenticator)", r"relay\.ClientKeyAuthenticator\."),
    ("  request body read", r"MessagesServlet\.readBody$"),
    ("  request parse (MessagesRequest.parse)", r"relay\.MessagesRequest\.parse$"),
    ("  header copy (MessagesServlet.headers)", r"MessagesServlet\.headers$"),
    ("  MP Config lookup (RelayConfig)", r"config\.RelayConfig\."),
    ("  startAsync", r"Request\.startAsync$"),
    ("relay: RelayService.relay (route + exchange start)", r"relay\.RelayService\.relay$"),
    ("  build upstream call (RelayExchange.buildCall)", r"RelayExchange\.buildCall$"),
    ("    client body re-parsed to a tree (readClientBody)", r"RelayExchange\.readClientBody$"),
    ("    transformer.toUpstream (plugin)", r"Transformer\.toUpstream$"),
    ("    upstream JSON written (writeJson)", r"RelayExchange\.writeJson$"),
    ("  UpstreamClient.send (JDK HttpClient request)", r"upstream\.UpstreamClient\.send$"),
    ("upstream response handled (RelayExchange.onResponse)", r"RelayExchange\.onResponse$"),
    ("upstream body chunks (RelayExchange.onNext)", r"RelayExchange\.onNext$"),
    ("  stream translation (TranslatedStreamProcessor.onChunk)", r"TranslatedStreamProcessor\.onChunk$"),
    ("  passthrough framing (PassthroughStreamProcessor.onChunk)", r"PassthroughStreamProcessor\.onChunk$"),
    ("upstream body end (RelayExchange.onComplete)", r"RelayExchange\.onComplete$"),
    ("  non-stream answer (answerComplete)", r"RelayExchange\.answerComplete$"),
    ("    transformer.toClient (plugin)", r"Transformer\.toClient$"),
    ("    usage re-parse of the answer (UsageTally.observeMessage)", r"UsageTally\.observeMessage$"),
    ("usage of stream events (UsageTally.observeEvent)", r"UsageTally\.observeEvent$"),
    ("write + flush to client (ServletClientChannel.write)", r"ServletClientChannel\.write$"),
    ("complete response (ServletClientChannel.close/complete)", r"ServletClientChannel\.(close|complete)$"),
    ("request finished bookkeeping (RelayExchange.finish)", r"RelayExchange\.finish$"),
    ("  metrics (RelayMetrics.completed)", r"RelayMetrics\.completed$"),
    ("usage DB writer (UsageRecorder.flush)", r"UsageRecorder\.flush$"),
    ("Jackson ObjectMapper.readTree (any caller)", r"ObjectMapper\.readTree$"),
    ("Jackson ObjectMapper.writeValueAsBytes (any caller)", r"ObjectMapper\.writeValueAsBytes$"),
    ("Grizzly HTTP server read/parse (HttpServerFilter.handleRead)", r"grizzly\.http\.HttpServerFilter\.handleRead$"),
    ("Grizzly NIO write (TCPNIOTransport.write*)", r"TCPNIO(Transport|AsyncQueueWriter|TemporarySelectorWriter)\.write"),
    ("JDK HttpClient selector loop (SelectorManager.run)", r"HttpClientImpl\$SelectorManager\.run$"),
    ("JDK HttpClient HTTP/1 response parsing (Http1Response/Http1AsyncReceiver)", r"http\.(Http1Response|Http1AsyncReceiver)\."),
    ("socket read/write syscalls (sun.nio.ch.*Dispatcher)", r"sun\.nio\.ch\.\w*Dispatcher\.(read|write)"),
    ("java.util.logging (Logger.log*)", r"java\.util\.logging\.Logger\.(log|doLog)"),
    ("Payara request tracing / monitoring", r"fish\.payara\.(nucleus\.requesttracing|monitoring|microprofile\.metrics)\."),
]
STAGES = [(l, re.compile(r)) for l, r in STAGES]

threads = collections.Counter(); self_c = collections.Counter(); stage_c = collections.Counter()
for e in events:
    v = e["values"]
    t = (v.get("sampledThread") or {}).get("javaName") or "?"
    threads[re.sub(r"[-_ ]?\d+$", "", re.sub(r"\(.*", "", t))] += 1
    frames = [fname(f) for f in v["stackTrace"]["frames"]]
    if not frames:
        continue
    self_c[frames[0]] += 1
    for label, rx in STAGES:
        if any(rx.search(f) for f in frames):
            stage_c[label] += 1
n = max(1, len(events))
print("JFR CPU samples (Java code only): %d" % len(events))
print("\n## samples by thread group")
for t, c in threads.most_common(10):
    print("%6.1f%%  %s" % (100.0 * c / n, t))
print("\n## request-path stages (inclusive share of samples)")
for label, _ in STAGES:
    if stage_c[label]:
        print("%6.1f%%  %s" % (100.0 * stage_c[label] / n, label))
print("\n## top self frames")
for f, c in self_c.most_common(top):
    print("%6.1f%%  %s" % (100.0 * c / n, f))
