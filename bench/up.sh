#!/usr/bin/env bash
# Starts everything the relay benchmark needs, all on 127.0.0.1, and writes bench/results/env.sh:
#   :9001 nginx mock + :9002 paced mock     (../shared/bench/mock/start-mock.sh)
#   :9003 stamp mock (bench/lib/stamp-mock.mjs: timestamped events; 5 ms apart, 1.3 s with BENCH_SLOW)
#   :3456 claude-code-router, :3457 @musistudio/llms   (peers on the nginx mock)
#   :3458 claude-code-router, :3459 @musistudio/llms   (the same peers on the stamp mock)
#   :8080 the relay (bench/start-relay.sh)
# Usage: bench/up.sh        (bench/down.sh stops it all)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SHARED="${BENCH_SHARED:-$(cd "$HERE/../../shared/bench" 2>/dev/null && pwd || echo /work/shared/bench)}"
export RUN_DIR="${RUN_DIR:-/tmp/bench-run}"
mkdir -p "$HERE/results" "$RUN_DIR"
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "apt-get install -y wrk nginx-light" >&2; exit 1; }
ENV="$HERE/results/env.sh"; : > "$ENV"
emit() { echo "$1" | tee -a "$ENV"; }

out="$("$SHARED/mock/start-mock.sh")"; eval "$out"; emit "MOCK_PIDS=\"$MOCK_PIDS\""
# stamp mock
[ -f "$RUN_DIR/stamp.pid" ] && kill "$(cat "$RUN_DIR/stamp.pid")" 2>/dev/null && sleep 0.3 || true
STAMP_PORT=9003 nohup node "$HERE/lib/stamp-mock.mjs" > "$RUN_DIR/stamp.log" 2>&1 < /dev/null &
echo $! > "$RUN_DIR/stamp.pid"; emit "STAMP_PID=$(cat "$RUN_DIR/stamp.pid")"
for _ in $(seq 50); do curl -sf http://127.0.0.1:9003/stats >/dev/null && break; sleep 0.1; done

out="$("$SHARED/start-ccr.sh" 3456)"; eval "$out"; emit "CCR_PID=$CCR_PID"
out="$("$SHARED/start-llms.sh" 3457)"; eval "$out"; emit "LLMS_PID=$LLMS_PID"
# second instances on the stamp mock, reusing the installed packages
mkdir -p "$RUN_DIR/stamp/ccr" "$RUN_DIR/stamp/llms"
[ -e "$RUN_DIR/stamp/ccr/pkg" ] || ln -s "$RUN_DIR/ccr/pkg" "$RUN_DIR/stamp/ccr/pkg"
[ -e "$RUN_DIR/stamp/llms/node_modules" ] || ln -s "$RUN_DIR/llms/node_modules" "$RUN_DIR/stamp/llms/node_modules"
out="$(RUN_DIR="$RUN_DIR/stamp" "$SHARED/start-ccr.sh" 3458 http://127.0.0.1:9003)"; eval "$out"; emit "CCR2_PID=$CCR_PID"
out="$(RUN_DIR="$RUN_DIR/stamp" "$SHARED/start-llms.sh" 3459 http://127.0.0.1:9003)"; eval "$out"; emit "LLMS2_PID=$LLMS_PID"

out="$("$HERE/start-relay.sh")"; eval "$out"; emit "RELAY_PID=$RELAY_PID"
echo "environment: $ENV"
