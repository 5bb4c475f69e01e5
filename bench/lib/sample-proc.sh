#!/usr/bin/env bash
# Samples one process every INTERVAL s until DURATION s have passed (bounded) and writes CSV to stdout:
#   t_s,threads,rss_mb,cpu_s,heap_used_mb,heap_committed_mb,gc_count,gc_s,client_conns,upstream_conns
# threads/rss/cpu from /proc/PID (cpu includes child processes' live ticks? no: PID only);
# heap/gc from `jstat -gc` when the process is a JVM (empty otherwise);
# client_conns = established TCP connections on the local port CLIENT_PORT (server side);
# upstream_conns = established TCP connections from anything to UPSTREAM_PORT (client side, i.e. the
# gateway's connections to the mock).
# Usage: sample-proc.sh PID DURATION_S [INTERVAL_S] [CLIENT_PORT] [UPSTREAM_PORT]
set -uo pipefail
PID=$1; DUR=$2; IV=${3:-2}; CP=${4:-0}; UP=${5:-0}
TCK=$(getconf CLK_TCK)
JVM=0; [ "$(readlink "/proc/$PID/exe" 2>/dev/null | grep -c java)" = 1 ] && command -v jstat >/dev/null && JVM=1
echo "t_s,threads,rss_mb,cpu_s,heap_used_mb,heap_committed_mb,gc_count,gc_s,client_conns,upstream_conns"
start=$SECONDS
while [ $((SECONDS - start)) -lt "$DUR" ] && kill -0 "$PID" 2>/dev/null; do
  th=$(awk '/^Threads/{print $2}' "/proc/$PID/status" 2>/dev/null)
  rss=$(awk '/^VmRSS/{printf "%.0f", $2/1024}' "/proc/$PID/status" 2>/dev/null)
  cpu=$(awk -v t="$TCK" '{printf "%.2f", ($14+$15)/t}' "/proc/$PID/stat" 2>/dev/null)
  hu=""; hc=""; gcc=""; gct=""
  if [ "$JVM" = 1 ]; then
    # jstat -gc columns: S0C S1C S0U S1U EC EU OC OU MC MU CCSC CCSU YGC YGCT FGC FGCT CGC CGCT GCT
    read -r hu hc gcc gct < <(jstat -gc "$PID" 2>/dev/null | awk 'NR==2{printf "%.0f %.0f %d %.2f\n", ($3+$4+$6+$8)/1024, ($1+$2+$5+$7)/1024, $13+$15+$17, $19}')
  fi
  cc=0; uc=0
  [ "$CP" != 0 ] && cc=$(ss -Htn state established "( sport = :$CP )" 2>/dev/null | wc -l)
  [ "$UP" != 0 ] && uc=$(ss -Htn state established "( dport = :$UP )" 2>/dev/null | wc -l)
  echo "$((SECONDS - start)),$th,$rss,$cpu,$hu,$hc,$gcc,$gct,$cc,$uc"
  sleep "$IV"
done
