#!/usr/bin/env bash
# CPU profile of a running relay under load, kernel and JVM frames included: async-profiler (from
# Maven Central, tools.profiler:async-profiler) attached with jcmd, wrk driving one body, then a
# summary of the collapsed stacks (bench/lib/profile-top.py).
# Usage: bench/profile.sh PID [PORT] [BODY] [SECONDS]   e.g. bench/profile.sh 12345 8080 small 15
#   BODY: a body of the shared harness (small, small-stream, large, passthrough, ...); the stacks go
#   to bench/results/profile-<body>-<timestamp>.collapsed (git-ignored)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SHARED="${BENCH_SHARED:-$(cd "$HERE/../../shared/bench" 2>/dev/null && pwd || echo /work/shared/bench)}"
PID="$1"; PORT="${2:-8080}"; BODY="${3:-small}"; SECONDS_="${4:-15}"; AP_VERSION="${AP_VERSION:-4.2}"
JAR="$HOME/.m2/repository/tools/profiler/async-profiler/$AP_VERSION/async-profiler-$AP_VERSION.jar"
[ -f "$JAR" ] || "$HERE/../mvnw" -q dependency:get -Dartifact="tools.profiler:async-profiler:$AP_VERSION"
LIB="$HERE/results/async-profiler-$AP_VERSION/linux-x64/libasyncProfiler.so"
[ -f "$LIB" ] || { mkdir -p "$HERE/results/async-profiler-$AP_VERSION"; (cd "$HERE/results/async-profiler-$AP_VERSION" && unzip -q -o "$JAR" 'linux-x64/*'); }
OUT="$HERE/results/profile-$BODY-$(date +%Y%m%d-%H%M%S).collapsed"; mkdir -p "$HERE/results"
# jcmd hands the options over as one argument only when quoted twice.
jcmd "$PID" JVMTI.agent_load "$LIB" "\"start,event=cpu,interval=1ms,file=$OUT\"" >/dev/null
BENCH_KEY="${BENCH_KEY:-sk-bench-client-0123456789}" BENCH_BODY="$SHARED/bodies/$BODY.anthropic.json" BENCH_PATH=/v1/messages \
  wrk -t1 -c16 -d"${SECONDS_}s" --timeout 30s -s "$SHARED/lib/bench.lua" "http://127.0.0.1:$PORT" | grep -E "Requests/sec|Non-2xx" || true
jcmd "$PID" JVMTI.agent_load "$LIB" "\"stop,file=$OUT,collapsed\"" >/dev/null
python3 "$HERE/lib/profile-top.py" "$OUT"
echo "stacks: $OUT"
