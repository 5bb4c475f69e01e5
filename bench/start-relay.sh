#!/usr/bin/env bash
# Starts the relay for the benchmark on 127.0.0.1:$RELAY_PORT (8080) with bench/relay-bench.json and
# prints RELAY_PID=<pid of the JVM>. Usage: bench/start-relay.sh [stop]
#   RELAY_HOME   runnable relay folder (default /tmp/bench-relay, copied from dist/target/relay when
#                absent, so a rebuild of the repo does not pull it from under a running benchmark)
#   RELAY_DATA   data dir (default /tmp/bench-relay-data; FRESH=1 wipes it first: new embedded MariaDB)
#   RELAY_JAVA_OPTS  JVM options (default: bin/relay's)
#   READY_WAIT   seconds to wait for the ready banner (default 120)
# Usage recording (async batched writes to the embedded MariaDB each second) stays on, as in production.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
RELAY_HOME="${RELAY_HOME:-/tmp/bench-relay}"; RELAY_DATA="${RELAY_DATA:-/tmp/bench-relay-data}"
PORT="${RELAY_PORT:-8080}"; PIDFILE="$RELAY_DATA.pid"; LOG="$RELAY_DATA.log"
ours() { [ -n "${1:-}" ] && tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null | grep -q -- "-Drelay.home=$RELAY_HOME "; }
if [ "${1:-}" = stop ]; then
  pid="$(cat "$PIDFILE" 2>/dev/null || true)"
  if ours "$pid"; then
    kill "$pid"; for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && echo "relay $pid still running after 30 s" || echo "relay stopped"
  fi
  rm -f "$PIDFILE"; exit 0
fi
if [ ! -x "$RELAY_HOME/bin/relay" ]; then
  SRC="$HERE/../dist/target/relay"
  [ -x "$SRC/bin/relay" ] || { echo "no relay build: ./mvnw -q -o install -DskipTests -DskipReleaseArchive" >&2; exit 1; }
  rm -rf "$RELAY_HOME"; cp -a "$SRC" "$RELAY_HOME"
  echo "$(git -C "$HERE/.." rev-parse --short HEAD) + $(git -C "$HERE/.." status --porcelain | grep -vc ' bench/') changed file(s), copied $(date -Is)" > "$RELAY_HOME/bench-source.txt"
fi
[ "${FRESH:-0}" = 1 ] && rm -rf "$RELAY_DATA"
mkdir -p "$RELAY_DATA"
cd /tmp
RELAY_DATA_DIR="$RELAY_DATA" RELAY_PORT="$PORT" RELAY_CONFIG_FILE="$HERE/relay-bench.json" \
  RELAY_ADMIN_PASSWORD="${RELAY_ADMIN_PASSWORD:-bench-admin-pass}" \
  setsid -f "$RELAY_HOME/bin/relay" > "$LOG" 2>&1 < /dev/null
for _ in $(seq "$(( ${READY_WAIT:-120} * 2 ))"); do grep -q 'is ready' "$LOG" && break; grep -q 'cannot start\|failed to start' "$LOG" && break; sleep 0.5; done
pid="$(pgrep -n -f -- "-Drelay.home=$RELAY_HOME " || true)"
grep -q 'is ready' "$LOG" && [ -n "$pid" ] || { echo "relay did not start, see $LOG:" >&2; tail -20 "$LOG" >&2; exit 1; }
echo "$pid" > "$PIDFILE"
echo "RELAY_PID=$pid"
echo "RELAY_URL=http://127.0.0.1:$PORT"
