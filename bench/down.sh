#!/usr/bin/env bash
# Stops what bench/up.sh started (each by its own pid file; nothing by name).
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SHARED="${BENCH_SHARED:-$(cd "$HERE/../../shared/bench" 2>/dev/null && pwd || echo /work/shared/bench)}"
export RUN_DIR="${RUN_DIR:-/tmp/bench-run}"
"$HERE/start-relay.sh" stop
RUN_DIR="$RUN_DIR/stamp" "$SHARED/start-ccr.sh" stop
RUN_DIR="$RUN_DIR/stamp" "$SHARED/start-llms.sh" stop
"$SHARED/start-ccr.sh" stop
"$SHARED/start-llms.sh" stop
[ -f "$RUN_DIR/stamp.pid" ] && kill "$(cat "$RUN_DIR/stamp.pid")" 2>/dev/null && echo "stamp mock stopped"
rm -f "$RUN_DIR/stamp.pid"
"$SHARED/mock/start-mock.sh" stop
