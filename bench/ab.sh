#!/usr/bin/env bash
# Interleaved A/B of two running relays (two builds, or one build with two settings): CPU per
# request and req/s, trial by trial, A and B alternating so that a busier moment hits both alike.
# Each side's CPU is its JVM plus its embedded MariaDB (the child process writing the usage log).
# Everything on 127.0.0.1; every load loop is bounded.
#
# Usage: bench/ab.sh PORT_A PORT_B [BODIES] [TRIALS] [SECONDS]
#   e.g. start the two relays with bench/start-relay.sh (different RELAY_HOME, RELAY_DATA and
#   RELAY_PORT), warm them up (a JVM needs about two minutes of mixed load to reach its steady state,
#   see bench/compare.sh), then: bench/ab.sh 8091 8092 "small stream passthrough" 4 5
#   BODIES: bodies of the shared harness without ".anthropic.json" (small, small-stream, large,
#   passthrough-stream...; "stream" means small-stream). Defaults: "small stream", 4 trials of 5 s.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SHARED="${BENCH_SHARED:-$(cd "$HERE/../../shared/bench" 2>/dev/null && pwd || echo /work/shared/bench)}"
PORT_A="$1"; PORT_B="$2"; BODIES="${3:-small stream}"; TRIALS="${4:-4}"; SECS="${5:-5}"
TCK=$(getconf CLK_TCK)
export BENCH_KEY="${BENCH_KEY:-sk-bench-client-0123456789}"

relay_pid() {   # the JVM listening on port $1
  local inode
  inode=$(awk -v p="$(printf ':%04X' "$1")" '$2 ~ p"$" && $4 == "0A" {print $10; exit}' /proc/net/tcp /proc/net/tcp6)
  [ -n "$inode" ] || { echo "nothing listens on :$1" >&2; exit 1; }
  for fd in /proc/[0-9]*/fd/*; do
    [ "$(readlink "$fd" 2>/dev/null)" = "socket:[$inode]" ] && { echo "$fd" | cut -d/ -f3; return; }
  done
  echo "no process found for :$1" >&2; exit 1
}
cpu_ticks() {   # the process and its children (the embedded MariaDB)
  local total=0 p
  for p in "$1" $(pgrep -P "$1" || true); do
    total=$((total + $(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
PID_A=$(relay_pid "$PORT_A"); PID_B=$(relay_pid "$PORT_B")
echo "A = :$PORT_A (pid $PID_A), B = :$PORT_B (pid $PID_B); $TRIALS trials of $SECS s per body, c=16"
for body in $BODIES; do
  [ "$body" = stream ] && body=small-stream
  declare -A sum_cpu=() sum_req=()
  for trial in $(seq "$TRIALS"); do
    for side in A B; do
      if [ "$side" = A ]; then port=$PORT_A; pid=$PID_A; else port=$PORT_B; pid=$PID_B; fi
      c0=$(cpu_ticks "$pid")
      out=$(BENCH_BODY="$SHARED/bodies/$body.anthropic.json" BENCH_PATH=/v1/messages \
        wrk -t1 -c16 -d"${SECS}s" --timeout 30s -s "$SHARED/lib/bench.lua" "http://127.0.0.1:$port")
      c1=$(cpu_ticks "$pid")
      req=$(echo "$out" | awk '/requests in/{print $1}')
      errors=$(echo "$out" | grep -E "Non-2xx|Socket errors" || true)
      sum_cpu[$side]=$(( ${sum_cpu[$side]:-0} + c1 - c0 )); sum_req[$side]=$(( ${sum_req[$side]:-0} + req ))
      printf '%-18s %s trial %d: %6d req/s  %.3f ms CPU/req  %s\n' "$body" "$side" "$trial" \
        "$((req / SECS))" "$(python3 -c "print(($c1-$c0)*1000/$TCK/max(1,$req))")" "${errors:-0 errors}"
    done
  done
  python3 -c "
a=${sum_cpu[A]}*1000/$TCK/max(1,${sum_req[A]}); b=${sum_cpu[B]}*1000/$TCK/max(1,${sum_req[B]})
print('%-18s all trials: A %.3f, B %.3f ms CPU/req, B/A %.2f' % ('$body', a, b, b/a))"
  unset sum_cpu sum_req
done
