#!/usr/bin/env bash
# What one upstream exchange costs in CPU with the JDK's, Apache's (HttpClient 5) and Jetty's HTTP
# clients, under the relay's threading rule (the answer is handled on application threads). Needs the
# nginx mock of the shared harness on :9001 (bench/up.sh, or ../shared/bench/mock/start-mock.sh).
# Usage: bench/upstream-clients/run.sh [seconds] [concurrency]   -> one JSON line per client and body
set -euo pipefail
cd "$(dirname "$0")"
SHARED="${BENCH_SHARED:-$(cd ../../../shared/bench 2>/dev/null && pwd || echo /work/shared/bench)}"
../../mvnw -q -f pom.xml package
CP="target/classes:$(cat target/classpath.txt)"
for body in small small-stream large; do
  for client in jdk hc5 jetty; do
    # The relay's launcher gives the common pool two threads on small machines; the same here.
    java -Xmx512m -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -cp "$CP" \
      dev.clauderelay.bench.upstream.ClientCost "$client" http://127.0.0.1:9001/v1/chat/completions \
      "$SHARED/bodies/$body.openai.json" "${2:-16}" "${1:-8}" 4 2>/dev/null | sed "s/^/{\"body\":\"$body\",/; s/,{/,/"
  done
done
