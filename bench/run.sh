#!/usr/bin/env bash
# The relay benchmark: ours vs direct-to-mock vs the peers, same run, interleaved trials.
# Needs bench/up.sh first (it writes bench/results/env.sh). Raw results go to bench/results/run-<ts>/
# (git-ignored): meta/machine state, bench.sh output for each phase, latency.jsonl, report.md.
#
# Usage: bench/run.sh [full|quick]
#   full  (default, ~60 min): 1) all 9 harness scenarios at c=1 and c=16, 3 trials x 8 s, 5 s warm-up
#         2) small/stream/large/passthrough at c=64   3) event latency (bench/latency.sh) at c=1 and 16
#   quick (~12 min): small stream tool-stream paced passthrough passthrough-stream, c=1 and 16, 3 x 4 s;
#         event latency at c=1
#   env: IDLE_MAX (bench.sh: max s to wait for an idle machine before a trial, default 30), PHASES
#        (default "1 2 3"), DURATION (s per trial), CONNS1 (phase 1 concurrencies, default "1 16"),
#        SCENARIOS1 (phase 1 scenarios), CONNS2 / SCENARIOS2 (phase 2, default 64 / four scenarios), WARMUP (s per scenario and target), TARGETS_EXTRA (more
#        name=URL@PID targets for bench.sh)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SHARED="${BENCH_SHARED:-$(cd "$HERE/../../shared/bench" 2>/dev/null && pwd || echo /work/shared/bench)}"
MODE="${1:-full}"
[ -f "$HERE/results/env.sh" ] || { echo "run bench/up.sh first" >&2; exit 1; }
# shellcheck disable=SC1091
. "$HERE/results/env.sh"
for p in $MOCK_PIDS $STAMP_PID $CCR_PID $LLMS_PID $CCR2_PID $LLMS2_PID $RELAY_PID; do
  kill -0 "$p" 2>/dev/null || { echo "process $p from results/env.sh is gone: run bench/up.sh again" >&2; exit 1; }
done
export BENCH_KEY="${BENCH_KEY:-sk-bench-client-0123456789}" IDLE_MAX="${IDLE_MAX:-30}"
OUT="$HERE/results/run-$(date +%Y%m%d-%H%M%S)"; mkdir -p "$OUT"
TARGETS=(direct=http://127.0.0.1:9001 "ours=http://127.0.0.1:8080@$RELAY_PID" "ccr=http://127.0.0.1:3456@$CCR_PID"
         "llms=http://127.0.0.1:3457@$LLMS_PID" ${TARGETS_EXTRA:-})
PHASES="${PHASES:-1 2 3}"

{ echo "# relay benchmark $(date -Is), mode $MODE"
  echo "repo: $(git -C "$HERE/.." rev-parse --short HEAD 2>/dev/null) (working tree $(git -C "$HERE/.." status --porcelain 2>/dev/null | grep -vc ' bench/') changed file(s) outside bench/)"
  RH="$(tr '\0' '\n' < /proc/$RELAY_PID/cmdline | sed -n 's/^-Drelay.home=//p')"
  echo "relay: $(tr '\0' ' ' < /proc/$RELAY_PID/cmdline | grep -o -- '-Xm[sx][^ ]*' | tr '\n' ' ')home $RH, built from: $(cat "$RH/bench-source.txt" 2>/dev/null || echo unknown)"
  echo "java: $(java -version 2>&1 | head -1)  node: $(node -v)  wrk: $(wrk -v 2>&1 | head -1)  nginx: $(nginx -v 2>&1)"
  echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)  mem: $(free -g | awk '/Mem:/{print $2}') GiB  kernel: $(uname -r)"
  echo "load before: $(cat /proc/loadavg)"
  echo "top CPU users before the run:"; ps -eo pid,pcpu,rss,etime,comm --sort=-pcpu | head -12
  echo "usage recording: on (UsageRecorder batches request_log + usage_hourly writes to the embedded MariaDB every second)"
} > "$OUT/meta.txt"
cat "$OUT/meta.txt"

echo "== warm-up of the relay (JIT): 12 s per body"
for b in small small-stream large passthrough passthrough-stream tool-stream; do
  BENCH_BODY="$SHARED/bodies/$b.anthropic.json" BENCH_PATH=/v1/messages wrk -t1 -c16 -d12s --timeout 30s -s "$SHARED/lib/bench.lua" http://127.0.0.1:8080 >/dev/null 2>&1 || true
done

if [ "$MODE" = quick ]; then
  S1="small stream tool-stream paced passthrough passthrough-stream"; D=4; S2=""
else
  S1="small stream tool tool-stream large large-stream paced passthrough passthrough-stream"; D=8; S2="small stream large passthrough"
fi
S1="${SCENARIOS1:-$S1}"; D="${DURATION:-$D}"; C1="${CONNS1:-1 16}"; W="${WARMUP:-5}"
S2="${SCENARIOS2-$S2}"; C2="${CONNS2:-64}"
if [[ " $PHASES " == *" 1 "* ]]; then
  echo "== phase 1: $S1 at c=$C1"
  "$SHARED/bench.sh" -s "$S1" -c "$C1" -d "$D" -n 3 -w "$W" -m "$MOCK_PIDS" -o "$OUT/phase1" "${TARGETS[@]}" 2>&1 | tee "$OUT/phase1.log"
fi
if [ -n "$S2" ] && [[ " $PHASES " == *" 2 "* ]]; then
  echo "== phase 2: $S2 at c=$C2"
  "$SHARED/bench.sh" -k -s "$S2" -c "$C2" -d "$D" -n 3 -w "$W" -m "$MOCK_PIDS" -o "$OUT/phase2" "${TARGETS[@]}" 2>&1 | tee "$OUT/phase2.log"
fi
if [[ " $PHASES " == *" 3 "* ]]; then
  echo "== phase 3: upstream event -> client latency (stamp mock)"
  if [ "$MODE" = quick ]; then "$HERE/latency.sh" -c 1 -n 3 -o "$OUT/latency.jsonl"; else "$HERE/latency.sh" -c "1 16" -n 3 -o "$OUT/latency.jsonl"; fi 2>&1 | tee "$OUT/latency.log"
fi
{ echo "load after: $(cat /proc/loadavg)"; echo "relay after: $(grep -E 'VmRSS|Threads' /proc/$RELAY_PID/status | tr -s ' \t' ' ' | tr '\n' ' ')"; } >> "$OUT/meta.txt"
python3 "$HERE/lib/report.py" "$OUT" > "$OUT/report.md"
echo "report: $OUT/report.md"
