#!/usr/bin/env bash
# What Payara Micro itself costs: a servlet that reads the body and answers fixed JSON (src/floor),
# deployed alone on the relay's own payara-micro.jar with the relay's JVM settings, driven like the
# relay (wrk, c=16, the harness's small body). Prints CPU ms per request and req/s per variant and
# round, then the JVM's RSS. Usage: bench/floor/floor.sh [ROUNDS] [SECONDS]
#   FLOOR_PORT (8095), FLOOR_JAVA_OPTS (bin/relay's default: -XX:+UseParallelGC -Xms128m -Xmx512m)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"; ROOT="$HERE/../.."
SHARED="${BENCH_SHARED:-$(cd "$ROOT/../shared/bench" 2>/dev/null && pwd || echo /work/shared/bench)}"
ROUNDS="${1:-4}"; SECS="${2:-4}"; PORT="${FLOOR_PORT:-8095}"
JAR="$ROOT/dist/target/relay/lib/payara-micro.jar"
[ -f "$JAR" ] || { echo "no relay build: ./mvnw -q -o install -DskipTests -DskipReleaseArchive" >&2; exit 1; }
API="$HOME/.m2/repository/jakarta/servlet/jakarta.servlet-api/6.0.0/jakarta.servlet-api-6.0.0.jar"
[ -f "$API" ] || "$ROOT/mvnw" -q dependency:get -Dartifact=jakarta.servlet:jakarta.servlet-api:6.0.0
WORK="$HERE/../results/floor"; rm -rf "$WORK"; mkdir -p "$WORK/war/WEB-INF/classes"
javac -d "$WORK/war/WEB-INF/classes" -cp "$API" "$HERE/src/floor/Floor.java"
(cd "$WORK/war" && jar cf ../floor.war .)
# bin/relay's module openings, so Payara runs as it does under the relay.
OPENS="$(sed -n '/^OPENS="/,/"$/p' "$ROOT/dist/target/relay/bin/relay" | sed 's/\\$//' | tr '\n' ' ' | sed 's/^OPENS="//; s/" *$//')"
# shellcheck disable=SC2086
MALLOC_ARENA_MAX=2 java ${FLOOR_JAVA_OPTS:--XX:+UseParallelGC -Xms128m -Xmx512m} $OPENS -jar "$JAR" \
  --deploy "$WORK/floor.war" --contextroot / --port "$PORT" --nocluster > "$WORK/payara.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 240); do curl -sf -o /dev/null -X POST -d '{}' "http://127.0.0.1:$PORT/sync" && break; sleep 0.5; done
echo "payara micro floor: pid $PID, RSS after start $(awk '/VmRSS/{print $2/1024 " MB"}' /proc/$PID/status)"
run() {   # run VARIANT -> one line
  local c0 c1 out n rps
  c0=$(awk '{print $14+$15}' "/proc/$PID/stat")
  out=$(BENCH_BODY="$SHARED/bodies/small.anthropic.json" BENCH_PATH="/$1" \
    wrk -t1 -c16 -d"${SECS}s" --timeout 30s -s "$SHARED/lib/bench.lua" "http://127.0.0.1:$PORT")
  c1=$(awk '{print $14+$15}' "/proc/$PID/stat")
  n=$(echo "$out" | awk '/requests in/{print $1}'); rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  python3 -c "print(f'{\"$1\":20s} CPU {($c1-$c0)*1000/$(getconf CLK_TCK)/max(1,$n):.3f} ms/req  {$rps:9.0f} req/s')"
}
for v in sync async-same async-other; do run "$v" > /dev/null; run "$v" > /dev/null; done   # JIT
rss() { grep -E 'VmRSS|VmHWM|Threads' "/proc/$PID/status" | tr -s ' \t' ' ' | tr '\n' ' '; echo; }
for r in $(seq "$ROUNDS"); do
  echo "round $r"
  for v in sync async-same async-other; do run "$v"; done
done
echo "after these: $(rss)"
# Last: with the default async timeout every request leaves a timer behind until it expires, and
# the heap grows to its maximum (which is why the relay sets no timeout).
for r in $(seq "$ROUNDS"); do run async-other-timeout; done
echo "after async-other-timeout: $(rss)"
