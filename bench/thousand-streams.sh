#!/usr/bin/env bash
# 1,000 concurrent slow streams (~30 s each) through each target, one target at a time; checks
# that every stream completes, measures event latency under that load, and samples the target's
# threads, RSS, CPU and (JVM) heap every 2 s. Everything on 127.0.0.1; every loop is bounded.
#
# Usage: bench/thousand-streams.sh [-n STREAMS] [-r RAMP_MS] [-o OUTDIR] [TARGET...]
#   no TARGET: the five below, with the pids of bench/results/env.sh (written by bench/up.sh)
#   TARGET = name=URL[@PID][#model]   e.g.
#     direct=http://127.0.0.1:9003                               (the stamp mock itself, OpenAI format)
#     ours=http://127.0.0.1:8080@PID#bench-stamp                 (relay, Anthropic -> OpenAI upstream)
#     ours-pt=http://127.0.0.1:8080@PID#bench-stamp-passthrough  (relay, Anthropic -> Anthropic upstream)
#     ccr=http://127.0.0.1:3458@PID   llms=http://127.0.0.1:3459@PID   (peers started on the stamp mock)
#   Needs the stamp mock on :9003 (bench/up.sh starts it). Requests carry the BENCH_SLOW marker: 20
#   content events 1.3 s apart, ~30 s per stream. Defaults: -n 1000, -r 2000 (the 1,000 requests
#   start within 2 s), deadline DEADLINE_S=150 per target, after which open streams are cut and
#   counted failed.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
N=1000; RAMP=2000; OUT="$HERE/results/thousand-$(date +%Y%m%d-%H%M%S)"; DEADLINE_S=${DEADLINE_S:-150}
SLOW_PORT=${SLOW_PORT:-9003}
while getopts "n:r:o:h" o; do case $o in n) N=$OPTARG;; r) RAMP=$OPTARG;; o) OUT=$OPTARG;; *) sed -n '2,19p' "$0"; exit 2;; esac; done
shift $((OPTIND-1))
if [ $# -eq 0 ] && [ -f "$HERE/results/env.sh" ]; then   # the standard five targets of bench/up.sh
  # shellcheck disable=SC1091
  . "$HERE/results/env.sh"
  set -- direct=http://127.0.0.1:9003 "ours=http://127.0.0.1:8080@$RELAY_PID#bench-stamp" \
         "ours-pt=http://127.0.0.1:8080@$RELAY_PID#bench-stamp-passthrough" \
         "ccr=http://127.0.0.1:3458@$CCR2_PID" "llms=http://127.0.0.1:3459@$LLMS2_PID"
fi
[ $# -ge 1 ] || { sed -n '2,19p' "$0"; exit 2; }
export BENCH_KEY="${BENCH_KEY:-sk-bench-client-0123456789}"
mkdir -p "$OUT"; SUM="$OUT/summary.jsonl"; : > "$SUM"
curl -sf "http://127.0.0.1:$SLOW_PORT/stats" >/dev/null || { echo "slow stamp mock not running on :$SLOW_PORT (bench/up.sh)"; exit 1; }
# File descriptors: 1,000 client sockets + 1,000 upstream sockets per process.
ulimit -n 65536 2>/dev/null || true
SHARED="$(cd "$HERE/../../shared/bench" 2>/dev/null && pwd || echo /work/shared/bench)"
BASE_BODY="$SHARED/bodies/small-stream.anthropic.json"
{ echo "# date: $(date -Is)  host: $(nproc) cores, $(uname -r)  streams: $N  ramp: ${RAMP} ms  deadline: ${DEADLINE_S} s"
  for t in "$@"; do echo "# target $t"; done; } | tee "$OUT/meta.txt"

for t in "$@"; do
  name="${t%%=*}"; rest="${t#*=}"; model=""; [[ "$rest" == *'#'* ]] && { model="${rest##*#}"; rest="${rest%#*}"; }
  url="${rest%@*}"; pid=""; [[ "$rest" == *@* ]] && pid="${rest##*@}"
  port="${url##*:}"; port="${port%%/*}"
  # the harness's small stream body, the user text prefixed with the BENCH_SLOW marker (1.3 s pace)
  body="$OUT/body-$name.json"
  if [[ $name == direct* ]]; then kind=openai; path=/v1/chat/completions; src="$SHARED/bodies/small-stream.openai.json"
  else kind=anthropic; path=/v1/messages; src="$BASE_BODY"; fi
  python3 -c "
import json,sys; b=json.load(open(sys.argv[1])); b['stream']=True
if sys.argv[2]: b['model']=sys.argv[2]
u=[m for m in b['messages'] if m['role']=='user'][-1]; u['content']='BENCH_SLOW '+u['content']
open(sys.argv[3],'w').write(json.dumps(b,separators=(',',':')))" "$src" "$model" "$body"
  echo "== $name: $N streams -> $url$path ${model:+(model $model)}"
  curl -s -X POST "http://127.0.0.1:$SLOW_PORT/stats/reset" >/dev/null
  spid=""
  if [ -n "$pid" ]; then
    bash "$HERE/lib/sample-proc.sh" "$pid" $((DEADLINE_S + 20)) 2 "$port" "$SLOW_PORT" > "$OUT/samples-$name.csv" & spid=$!
  fi
  sleep 2
  jpid=""
  if [ -n "$pid" ] && readlink "/proc/$pid/exe" | grep -q java && command -v jcmd >/dev/null; then
    # mid-run (all streams open): thread names grouped, and the heap
    ( sleep 15; { jcmd "$pid" Thread.print 2>/dev/null | grep '^"' | sed 's/"\([^"]*\)".*/\1/; s/[0-9][0-9]*/N/g' | sort | uniq -c | sort -rn
                  jcmd "$pid" GC.heap_info 2>/dev/null; } > "$OUT/jvm-$name.txt" ) & jpid=$!
  fi
  line=$(PROGRESS=1 node "$HERE/lib/streams.mjs" "$url" "$path" "$body" "$N" "$N" "$kind" "$DEADLINE_S" 20 "$RAMP" 2> >(tee "$OUT/progress-$name.txt" >&2) | grep '^BENCHJSON' | cut -d' ' -f2-)
  sleep 4
  mock=$(curl -s "http://127.0.0.1:$SLOW_PORT/stats")
  [ -n "$jpid" ] && wait "$jpid" 2>/dev/null || true
  [ -n "$spid" ] && { kill "$spid" 2>/dev/null || true; wait "$spid" 2>/dev/null || true; }
  samp="{}"
  if [ -s "$OUT/samples-$name.csv" ]; then
    samp=$(python3 - "$OUT/samples-$name.csv" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1])))
def col(k):
    return [float(r[k]) for r in rows if r.get(k) not in (None, "")]
def mx(k):
    v = col(k); return max(v) if v else None
def first(k):
    v = col(k); return v[0] if v else None
def last(k):
    v = col(k); return v[-1] if v else None
out = {"threads_before": first("threads"), "threads_max": mx("threads"), "threads_after": last("threads"),
       "rss_mb_before": first("rss_mb"), "rss_mb_max": mx("rss_mb"),
       "heap_used_mb_max": mx("heap_used_mb"), "heap_committed_mb_max": mx("heap_committed_mb"),
       "gc_count": (last("gc_count") - first("gc_count")) if col("gc_count") else None,
       "gc_s": round(last("gc_s") - first("gc_s"), 2) if col("gc_s") else None,
       "cpu_s": round(last("cpu_s") - first("cpu_s"), 2) if col("cpu_s") else None,
       "client_conns_max": mx("client_conns"), "upstream_conns_max": mx("upstream_conns")}
print(json.dumps(out))
PY
)
  fi
  rec="{\"target\":\"$name\",\"url\":\"$url\",\"model\":\"$model\",\"client\":${line:-null},\"mock\":${mock:-null},\"proc\":$samp}"
  echo "$rec" >> "$SUM"
  python3 -c "
import json,sys; r=json.loads(sys.argv[1]); c=r['client'] or {}; p=r['proc']; m=r['mock'] or {}
print('  completed %s/%s failed %s %s | max active %s | mock max open %s | event latency p50/p99/max %s/%s/%s ms | stream p50/max %s/%s ms' % (
  c.get('ok'), c.get('streams'), c.get('failed'), c.get('failures') or '', c.get('max_active'), m.get('maxOpen'),
  c.get('ev_lat_p50_ms'), c.get('ev_lat_p99_ms'), c.get('ev_lat_max_ms'), c.get('total_p50_ms'), c.get('total_max_ms')))
if p: print('  threads %s -> max %s | RSS max %s MB | heap used max %s MB (committed %s) | GCs %s (%s s) | CPU %s s | conns client/upstream max %s/%s' % (
  p.get('threads_before'), p.get('threads_max'), p.get('rss_mb_max'), p.get('heap_used_mb_max'), p.get('heap_committed_mb_max'),
  p.get('gc_count'), p.get('gc_s'), p.get('cpu_s'), p.get('client_conns_max'), p.get('upstream_conns_max')))
" "$rec"
  # let the target settle (closes idle connections) before the next one
  sleep 5
done
echo "summary: $SUM"
