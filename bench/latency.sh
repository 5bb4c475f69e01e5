#!/usr/bin/env bash
# Upstream-event -> client latency, side by side: every content event of the stamp mock (:9003) carries
# the CLOCK_MONOTONIC time it was written; lib/streams.mjs subtracts it from the time it parsed the
# event. Targets (trials interleaved A B C / B C A / ...):
#   direct, direct-pt          the stamp mock itself (OpenAI chunks / Anthropic events)
#   ours, ours-pt              relay :8080, model bench-stamp (-> OpenAI upstream, translated) /
#                              bench-stamp-passthrough (-> Anthropic upstream)
#   ccr, ccr-pt, llms, llms-pt peers started by up.sh on the stamp mock (:3458, :3459)
# Usage: bench/latency.sh [-c "1 16"] [-n TRIALS] [-o OUTFILE.jsonl]
#   per trial: c=1 -> 60 streams, c>1 -> 40*c streams; 20 events 5 ms apart per stream.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SHARED="${BENCH_SHARED:-$(cd "$HERE/../../shared/bench" 2>/dev/null && pwd || echo /work/shared/bench)}"
CONNS="1 16"; TRIALS=3; OUT="$HERE/results/latency-$(date +%Y%m%d-%H%M%S).jsonl"
while getopts "c:n:o:h" o; do case $o in c) CONNS=$OPTARG;; n) TRIALS=$OPTARG;; o) OUT=$OPTARG;; *) sed -n '2,14p' "$0"; exit 2;; esac; done
export BENCH_KEY="${BENCH_KEY:-sk-bench-client-0123456789}"
mkdir -p "$(dirname "$OUT")"; : > "$OUT"; B="$(dirname "$OUT")/latency-bodies"; mkdir -p "$B"
body() { python3 -c "import json,sys; b=json.load(open(sys.argv[1])); b['model']=sys.argv[2]; b['stream']=True; open(sys.argv[3],'w').write(json.dumps(b,separators=(',',':')))" "$SHARED/bodies/small-stream.anthropic.json" "$1" "$B/$1.json"; echo "$B/$1.json"; }
# name url path body kind
T=("direct http://127.0.0.1:9003 /v1/chat/completions $SHARED/bodies/small-stream.openai.json openai"
   "direct-pt http://127.0.0.1:9003 /v1/messages $(body claude-sonnet-4-5-20250929) anthropic"
   "ours http://127.0.0.1:8080 /v1/messages $(body bench-stamp) anthropic"
   "ours-pt http://127.0.0.1:8080 /v1/messages $(body bench-stamp-passthrough) anthropic"
   "ccr http://127.0.0.1:3458 /v1/messages $B/claude-sonnet-4-5-20250929.json anthropic"
   "ccr-pt http://127.0.0.1:3458 /v1/messages $(body bench-passthrough) anthropic"
   "llms http://127.0.0.1:3459 /v1/messages $B/claude-sonnet-4-5-20250929.json anthropic"
   "llms-pt http://127.0.0.1:3459 /v1/messages $B/bench-passthrough.json anthropic")
N=${#T[@]}
for c in $CONNS; do
  count=$(( c == 1 ? 60 : 40 * c ))
  for ((tr=0; tr<TRIALS; tr++)); do
    for ((k=0; k<N; k++)); do
      read -r name url path bodyf kind <<<"${T[$(( (k + tr) % N ))]}"
      line=$(node "$HERE/lib/streams.mjs" "$url" "$path" "$bodyf" "$c" "$count" "$kind" 60 20 | grep '^BENCHJSON' | cut -d' ' -f2-)
      echo "{\"target\":\"$name\",\"conns\":$c,\"trial\":$tr,\"r\":${line:-null}}" >> "$OUT"
      python3 -c "import json,sys; r=json.loads(sys.argv[1]); x=r['r'] or {}; print('  c=%-3d trial %d %-10s ok %s/%s  event latency p50 %s p99 %s max %s ms  TTFT p50 %s ms' % (r['conns'], r['trial'], r['target'], x.get('ok'), x.get('streams'), x.get('ev_lat_p50_ms'), x.get('ev_lat_p99_ms'), x.get('ev_lat_max_ms'), x.get('ttft_p50_ms')))" "{\"target\":\"$name\",\"conns\":$c,\"trial\":$tr,\"r\":${line:-null}}"
    done
  done
done
echo "raw: $OUT"
