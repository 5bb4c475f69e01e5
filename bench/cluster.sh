#!/usr/bin/env bash
# What clustering costs on the request path: a single relay against a member of a two-relay cluster,
# same build, same external MariaDB server, same mock upstream, trials interleaved by the harness.
# Usage: bench/cluster.sh        (SCENARIOS="small stream", CONNS=16, TRIALS=3, DURATION=10 as env)
#   needs: a built dist/target/relay, wrk + nginx (the harness's mock), a MariaDB at BENCH_DB_URL
#   (default jdbc:mariadb://127.0.0.1:3306, user root, empty password).
# Prints the harness's table; raw results in bench/results/cluster-<timestamp>/. Stops what it started.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SHARED="${BENCH_SHARED:-$(cd "$HERE/../../shared/bench" 2>/dev/null && pwd || echo /work/shared/bench)}"
DB="${BENCH_DB_URL:-jdbc:mariadb://127.0.0.1:3306}"
OUT="$HERE/results/cluster-$(date +%Y%m%d-%H%M%S)"; mkdir -p "$OUT"
export RUN_DIR="${RUN_DIR:-/tmp/bench-run}"; mkdir -p "$RUN_DIR"
for db in relay_bench_single relay_bench_cluster; do
  mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
done
out="$("$SHARED/mock/start-mock.sh")"; eval "$out"
export RELAY_DB_USER=root RELAY_DB_PASSWORD= RELAY_MASTER_KEY="bench master key"
export BENCH_KEY="${BENCH_KEY:-sk-bench-client-0123456789}"   # the client key of relay-bench.json
started=()
stop_all() { for d in "${started[@]}"; do RELAY_DATA="$d" "$HERE/start-relay.sh" stop >/dev/null || true; done; }
trap stop_all EXIT

start() { # name port data [cluster-port]
  local env=(RELAY_PORT="$2" RELAY_DATA="$3")
  if [ -n "${4:-}" ]; then
    env+=(RELAY_DB_URL="$DB/relay_bench_cluster" RELAY_CLUSTER=true RELAY_CLUSTER_PASSWORD=bench-cluster-secret
          RELAY_CLUSTER_MEMBERS=127.0.0.1:6951,127.0.0.1:6952 RELAY_CLUSTER_PORT="$4" RELAY_CLUSTER_INTERFACE=127.0.0.1)
  else
    env+=(RELAY_DB_URL="$DB/relay_bench_single")
  fi
  local t0; t0=$(date +%s%N)
  out="$(env "${env[@]}" FRESH=1 READY_WAIT="${READY_WAIT:-300}" "$HERE/start-relay.sh")"; eval "$out"
  started+=("$3")
  echo "$1 pid $RELAY_PID ready in $(( ($(date +%s%N) - t0) / 1000000 )) ms" | tee -a "$OUT/starts.txt" >&2
  eval "PID_$1=$RELAY_PID"
}
start single 8090 /tmp/bench-cluster-single
start member1 8091 /tmp/bench-cluster-member1 6951
start member2 8092 /tmp/bench-cluster-member2 6952
curl -s http://127.0.0.1:8091/health | python3 -c 'import json,sys; print("cluster:", json.load(sys.stdin)["cluster"])' >&2

SCENARIOS="${SCENARIOS:-small stream}" CONNS="${CONNS:-16}" TRIALS="${TRIALS:-3}" DURATION="${DURATION:-10}" \
  IDLE_WAIT="${IDLE_WAIT:-0}" OUT="$OUT" MOCK_PIDS="$MOCK_PIDS" \
  "$SHARED/bench.sh" single="http://127.0.0.1:8090@$PID_single" cluster="http://127.0.0.1:8091@$PID_member1" \
  | tee "$OUT/table.txt"
echo "events member2 received: $(curl -s http://127.0.0.1:8092/health)" >> "$OUT/starts.txt"
echo "raw results: $OUT" >&2
