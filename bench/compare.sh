#!/usr/bin/env bash
# One command: the relay, direct-to-mock and the best Node peer (@musistudio/llms, claude-code-router's
# core) side by side on all nine scenarios, trials interleaved, then the ratios against the peer.
# Everything on 127.0.0.1; every load loop is bounded. Needs wrk, nginx (apt-get install -y wrk
# nginx-light), Node >= 18, python3 and a JDK; builds the relay when dist/target/relay is missing.
#
# Usage: bench/compare.sh            (~32 min on a quiet 2-core machine, warm-up included)
#        QUICK=1 bench/compare.sh    (~20 min: 2 trials of 4 s)
#   env: SCENARIOS (default: all nine), CONNS (16), TRIALS (3), DURATION (6 s), WARMUP (3 s per
#        scenario and target), RELAY_JAVA_OPTS (JVM options of the relay; default: bin/relay's),
#        WARM_MIN/WARM_MAX (3/8 warm-up rounds per target, below), WARM_SECONDS (4 per body),
#        KEEP=1 (leave mock, peer and relay running; bench/compare.sh stop ends them), IDLE_MAX (s to
#        wait for an idle machine before a trial, 30), BEFORE=<a runnable relay folder> (an earlier
#        build, e.g. an unpacked release: runs as a fourth target "before", for before/after ratios
#        from the same run)
# Output: bench/results/compare-<timestamp>/ (git-ignored): results.jsonl (raw), report.txt (the
#        harness's tables), compare.md (the ratios, printed at the end), setup.txt (build, JVM options, start
#        times, warm-up rounds; the harness writes its own meta.txt).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"; ROOT="$(cd "$HERE/.." && pwd)"
SHARED="${BENCH_SHARED:-$(cd "$ROOT/../shared/bench" 2>/dev/null && pwd || echo /work/shared/bench)}"
export RUN_DIR="${RUN_DIR:-/tmp/bench-compare}"
RELAY_HOME=/tmp/bench-compare-relay RELAY_DATA=/tmp/bench-compare-relay-data
BEFORE_HOME=/tmp/bench-compare-before BEFORE_DATA=/tmp/bench-compare-before-data
LLMS_PORT=3467 RELAY_PORT=8090 BEFORE_PORT=8091

stop_all() {
  RELAY_HOME=$RELAY_HOME RELAY_DATA=$RELAY_DATA "$HERE/start-relay.sh" stop >/dev/null 2>&1 || true
  RELAY_HOME=$BEFORE_HOME RELAY_DATA=$BEFORE_DATA "$HERE/start-relay.sh" stop >/dev/null 2>&1 || true
  "$SHARED/start-llms.sh" stop >/dev/null 2>&1 || true
  "$SHARED/mock/start-mock.sh" stop >/dev/null 2>&1 || true
}
if [ "${1:-}" = stop ]; then stop_all; echo "stopped"; exit 0; fi
for tool in wrk nginx node python3 java; do
  command -v $tool >/dev/null || { echo "bench/compare.sh needs $tool (apt-get install -y wrk nginx-light; Node >= 18)" >&2; exit 1; }
done
[ "${KEEP:-0}" = 1 ] || trap stop_all EXIT

if [ ! -x "$ROOT/dist/target/relay/bin/relay" ]; then
  echo "== building the relay"
  (cd "$ROOT" && ./mvnw -q install -DskipTests -DskipITs -DskipReleaseArchive)
fi
if [ "${QUICK:-0}" = 1 ]; then TRIALS="${TRIALS:-2}"; DURATION="${DURATION:-4}"; WARMUP="${WARMUP:-2}"; fi
SCENARIOS="${SCENARIOS:-small stream large large-stream tool tool-stream paced passthrough passthrough-stream}"
OUT="$HERE/results/compare-$(date +%Y%m%d-%H%M%S)"; mkdir -p "$OUT" "$RUN_DIR"
export BENCH_KEY="${BENCH_KEY:-sk-bench-client-0123456789}"

echo "== mock upstream"
eval "$("$SHARED/mock/start-mock.sh")"

echo "== @musistudio/llms on :$LLMS_PORT"
"$SHARED/start-llms.sh" stop >/dev/null 2>&1 || true
"$SHARED/start-llms.sh" "$LLMS_PORT" >/dev/null 2>&1 || true   # first run installs the package
"$SHARED/start-llms.sh" stop >/dev/null 2>&1 || true; sleep 0.5
t0=$(date +%s%N); eval "$("$SHARED/start-llms.sh" "$LLMS_PORT")"; LLMS_READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))

echo "== the relay on :$RELAY_PORT (fresh copy of dist/target/relay, fresh embedded database)"
RELAY_HOME=$RELAY_HOME RELAY_DATA=$RELAY_DATA "$HERE/start-relay.sh" stop >/dev/null 2>&1 || true
rm -rf "$RELAY_HOME"
t0=$(date +%s%N)
eval "$(RELAY_HOME=$RELAY_HOME RELAY_DATA=$RELAY_DATA RELAY_PORT=$RELAY_PORT FRESH=1 "$HERE/start-relay.sh")"
RELAY_READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
RELAY_OWN_MS=$(sed -n 's/.* is ready (\([0-9]*\) ms).*/\1/p' "$RELAY_DATA.log" | tail -1)
TARGETS=(direct=http://127.0.0.1:9001 "ours=http://127.0.0.1:$RELAY_PORT@$RELAY_PID")
READY=(--ready "ours=$RELAY_READY_MS")
if [ -n "${BEFORE:-}" ]; then
  echo "== the earlier build ($BEFORE) on :$BEFORE_PORT"
  RELAY_HOME=$BEFORE_HOME RELAY_DATA=$BEFORE_DATA "$HERE/start-relay.sh" stop >/dev/null 2>&1 || true
  rm -rf "$BEFORE_HOME"; cp -a "$BEFORE" "$BEFORE_HOME"; echo "earlier build: $BEFORE" > "$BEFORE_HOME/bench-source.txt"
  t0=$(date +%s%N)
  out="$(RELAY_HOME=$BEFORE_HOME RELAY_DATA=$BEFORE_DATA RELAY_PORT=$BEFORE_PORT FRESH=1 "$HERE/start-relay.sh")"
  BEFORE_READY_MS=$(( ($(date +%s%N) - t0) / 1000000 )); BEFORE_PID=$(echo "$out" | sed -n 's/^RELAY_PID=//p')
  TARGETS+=("before=http://127.0.0.1:$BEFORE_PORT@$BEFORE_PID"); READY+=(--ready "before=$BEFORE_READY_MS")
fi
TARGETS+=("llms=http://127.0.0.1:$LLMS_PORT@$LLMS_PID"); READY+=(--ready "llms=$LLMS_READY_MS")

{ echo "# bench/compare.sh $(date -Is)"
  echo "repo: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null) (+$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -vc ' bench/') changed file(s) outside bench/)"
  echo "relay JVM: $(tr '\0' ' ' < /proc/$RELAY_PID/cmdline | grep -oE -- '-X[^ ]*|-XX:[^ ]*' | tr '\n' ' ')"
  echo "java: $(java -version 2>&1 | head -1)  node: $(node -v)  wrk: $(wrk -v 2>&1 | head -1)"
  echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)  load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "start to ready: relay ${RELAY_READY_MS} ms (wall, incl. the embedded MariaDB's first start; the relay's own count ${RELAY_OWN_MS:-?} ms), llms ${LLMS_READY_MS} ms${BEFORE_READY_MS:+, before $BEFORE_READY_MS ms}"
} > "$OUT/setup.txt"
cat "$OUT/setup.txt"

# A JVM keeps compiling for minutes: measured on a fresh relay, small cost 0.61 ms/req after 40 s
# of this mix and 0.18 after 120 s, then stayed there. Every target (the peer too, for fairness) gets
# rounds of the mix until its small and small-stream CPU per request move by less than 7 % from one
# round to the next (at least WARM_MIN rounds, at most WARM_MAX), so the trials compare steady states.
WARM_BODIES="small small-stream large large-stream passthrough passthrough-stream tool tool-stream"
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
load() {   # load PORT BODY SECONDS -> requests done
  BENCH_BODY="$SHARED/bodies/$2.anthropic.json" BENCH_PATH=/v1/messages \
    wrk -t1 -c16 -d"$3s" --timeout 30s -s "$SHARED/lib/bench.lua" "http://127.0.0.1:$1" 2>/dev/null \
    | awk '/requests in/{print $1}' || echo 0
}
warm() {   # warm NAME PORT PID
  local prev="" round probe
  for round in $(seq "${WARM_MAX:-8}"); do
    for b in $WARM_BODIES; do load "$2" "$b" "${WARM_SECONDS:-4}" >/dev/null; done
    probe=""
    for b in small small-stream; do
      local c0 n c1; c0=$(cpu_ticks "$3"); n=$(load "$2" "$b" 4); c1=$(cpu_ticks "$3")
      probe="$probe $(python3 -c "print(round(($c1-$c0)*1000/$(getconf CLK_TCK)/max(1,${n:-0}),4))")"
    done
    echo "warm-up $1 round $round: CPU ms/req small, small-stream:$probe" | tee -a "$OUT/setup.txt"
    if [ -n "$prev" ] && [ "$round" -ge "${WARM_MIN:-3}" ] && python3 -c "
import sys; a=[float(x) for x in '$prev'.split()]; b=[float(x) for x in '$probe'.split()]
sys.exit(0 if all(abs(y-x) <= 0.07*x for x, y in zip(a, b)) else 1)"; then return; fi
    prev="$probe"
  done
  echo "warm-up $1: not steady after ${WARM_MAX:-8} rounds" | tee -a "$OUT/setup.txt"
}

echo "== warm-up until steady (rounds of $(echo $WARM_BODIES | wc -w) bodies x ${WARM_SECONDS:-4} s)"
warm ours "$RELAY_PORT" "$RELAY_PID"
[ -z "${BEFORE:-}" ] || warm before "$BEFORE_PORT" "$BEFORE_PID"
warm llms "$LLMS_PORT" "$LLMS_PID"

echo "== side by side: $SCENARIOS at c=${CONNS:-16}"
IDLE_MAX="${IDLE_MAX:-30}" "$SHARED/bench.sh" -s "$SCENARIOS" -c "${CONNS:-16}" -d "${DURATION:-6}" \
  -n "${TRIALS:-3}" -w "${WARMUP:-3}" -m "$MOCK_PIDS" -o "$OUT" "${TARGETS[@]}" > "$OUT/bench.log" 2>&1 \
  || { tail -30 "$OUT/bench.log" >&2; exit 1; }
echo "relay after: $(grep -E 'VmRSS|VmHWM|Threads' /proc/$RELAY_PID/status | tr -s ' \t' ' ' | tr '\n' ' ')" >> "$OUT/setup.txt"
python3 "$HERE/lib/compare.py" "$OUT" "${READY[@]}" > "$OUT/compare.md"
[ -z "${BEFORE:-}" ] || { echo; echo "### before/after (the same run)"; echo
  python3 "$HERE/lib/compare.py" "$OUT" --peer before; } >> "$OUT/compare.md"
cat "$OUT/compare.md"
echo "raw: $OUT"
