#!/usr/bin/env python3
"""Markdown report of one bench/run.sh output folder.

  report.py RUN_DIR            (RUN_DIR holds phase1/results.jsonl, phase2/results.jsonl, latency.jsonl)
1. headline: per scenario and concurrency, p50/p99 and their overhead over direct for every target,
   CPU ms per request, RSS, errors, foreign CPU (medians over the interleaved trials, as
   ../shared/bench/lib/report.py computes them);
2. upstream-event -> client latency from latency.jsonl (medians over trials);
3. the shared harness's full tables for each phase.
"""
import json, os, statistics as st, subprocess, sys
from collections import OrderedDict

run = sys.argv[1]
shared = os.environ.get("BENCH_SHARED") or os.path.normpath(os.path.join(os.path.dirname(__file__), "../../../shared/bench"))
if not os.path.isdir(shared):
    shared = "/work/shared/bench"

def med(xs):
    return st.median(xs) if xs else 0.0

def agg(rs):
    w = [r["wrk"] for r in rs]
    req = sum(x["requests"] for x in w)
    a = {"rps": med([x["requests"] / x["duration_us"] * 1e6 for x in w]),
         "p50": med([x.get("lat_p50_us", 0) / 1000 for x in w]), "p99": med([x.get("lat_p99_us", 0) / 1000 for x in w]),
         "cpu": sum(r["gw_cpu_ms"] for r in rs) / req if req else 0.0,
         "rss": max(r["rss_kb"] for r in rs) / 1024, "err": sum(x["err_status"] + x["err_sock"] for x in w),
         "foreign": sum(max(0, r.get("foreign_cpu_ms", 0)) for r in rs) / max(1, sum(x["duration_us"] for x in w) / 1e6) / 10,
         "kind": rs[0]["kind"], "haspid": bool(rs[0].get("pid"))}
    t = [r["ttft"] for r in rs if r.get("ttft")]
    if t:
        a["ttft50"] = med([x["ttft_p50_ms"] for x in t])
    return a

def load(path):
    if not os.path.exists(path):
        return OrderedDict()
    groups = OrderedDict()
    for line in open(path):
        if line.strip():
            r = json.loads(line)
            groups.setdefault((r["scenario"], r["conns"]), OrderedDict()).setdefault(r["target"], []).append(r)
    return groups

phases = [p for p in ("phase1", "phase2") if os.path.exists(os.path.join(run, p, "results.jsonl"))]
groups = OrderedDict()
for p in phases:
    groups.update(load(os.path.join(run, p, "results.jsonl")))

print("# Relay benchmark report: %s\n" % os.path.basename(run.rstrip("/")))
meta = os.path.join(run, "meta.txt")
if os.path.exists(meta):
    print("```\n" + open(meta).read().strip() + "\n```\n")

if groups:
    names = []
    for tg in groups.values():
        for n, rs in tg.items():
            if rs[0]["kind"] != "direct" and n not in names:
                names.append(n)
    print("## Added latency over direct-to-mock (wrk, closed loop, medians of 3 interleaved trials)\n")
    print("ms; `+x/+y` = p50/p99 overhead over direct in the same run; CPU = gateway process tree CPU ms per request "
          "(for ours: JVM + its embedded MariaDB); foreign = CPU % of one core used by other processes during the trials.\n")
    hdr = "| scenario | c | direct p50/p99 | " + " | ".join("%s +p50/+p99" % n for n in names) + " | " + \
          " | ".join("%s CPU ms/req" % n for n in names) + " | " + " | ".join("%s req/s" % n for n in ["direct"] + names) + \
          " | ours RSS MB | errors | foreign % |"
    print(hdr)
    print("|" + "---|" * (hdr.count("|") - 1))
    for (sc, c), tg in groups.items():
        A = OrderedDict((n, agg(rs)) for n, rs in tg.items())
        d = next((a for a in A.values() if a["kind"] == "direct"), None)
        cells = ["%s" % sc, "%d" % c, "%.2f / %.2f" % (d["p50"], d["p99"]) if d else "-"]
        cells += ["%+.2f / %+.2f" % (A[n]["p50"] - d["p50"], A[n]["p99"] - d["p99"]) if n in A and d else "-" for n in names]
        cells += ["%.3f" % A[n]["cpu"] if n in A and A[n]["haspid"] else "-" for n in names]
        cells += ["%.0f" % d["rps"] if d else "-"] + ["%.0f" % A[n]["rps"] if n in A else "-" for n in names]
        cells += ["%.0f" % A["ours"]["rss"] if "ours" in A else "-",
                  "%d" % sum(a["err"] for a in A.values()),
                  "%.0f" % max(a["foreign"] for a in A.values())]
        print("| " + " | ".join(cells) + " |")
    # TTFT differences
    rows = [(k, tg) for k, tg in groups.items() if any("ttft" in r for rs in tg.values() for r in rs)]
    if rows:
        print("\n### Streams: time to first content event (lib/ttft.mjs probe), overhead over direct\n")
        print("| scenario | c | direct TTFT p50 | " + " | ".join("%s +TTFT p50" % n for n in names) + " |")
        print("|" + "---|" * (3 + len(names)))
        for (sc, c), tg in rows:
            A = OrderedDict((n, agg(rs)) for n, rs in tg.items())
            d = next((a for a in A.values() if a["kind"] == "direct"), None)
            if not d or "ttft50" not in d:
                continue
            print("| %s | %d | %.2f | %s |" % (sc, c, d["ttft50"], " | ".join(
                "%+.2f" % (A[n]["ttft50"] - d["ttft50"]) if n in A and "ttft50" in A[n] else "-" for n in names)))

lat = os.path.join(run, "latency.jsonl")
if os.path.exists(lat):
    rows = [json.loads(l) for l in open(lat) if l.strip()]
    by = OrderedDict()
    for r in rows:
        by.setdefault(r["conns"], OrderedDict()).setdefault(r["target"], []).append(r["r"] or {})
    print("\n## Upstream event -> client latency (stamp mock, 20 events 5 ms apart per stream; medians of 3 trials)\n")
    print("Every content event carries the CLOCK_MONOTONIC time the mock wrote it; the client subtracts it from the time it parsed the event. "
          "`+` = over the direct read of the same upstream format (direct for translated targets, direct-pt for passthrough ones).\n")
    print("| c | target | streams ok/total | event p50 ms | event p90 | event p99 | event max | +p50 | +p99 | TTFT p50 |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for c, tg in by.items():
        M = {n: {k: med([x.get(k, 0) for x in xs]) for k in ("ev_lat_p50_ms", "ev_lat_p90_ms", "ev_lat_p99_ms", "ev_lat_max_ms", "ttft_p50_ms")} for n, xs in tg.items()}
        for n, xs in tg.items():
            base = M.get("direct-pt" if n.endswith("-pt") else "direct")
            m = M[n]
            print("| %d | %s | %d/%d | %.3f | %.3f | %.3f | %.2f | %s | %s | %.2f |" % (
                c, n, sum(x.get("ok", 0) for x in xs), sum(x.get("streams", 0) for x in xs),
                m["ev_lat_p50_ms"], m["ev_lat_p90_ms"], m["ev_lat_p99_ms"], m["ev_lat_max_ms"],
                "-" if n.startswith("direct") or not base else "%+.3f" % (m["ev_lat_p50_ms"] - base["ev_lat_p50_ms"]),
                "-" if n.startswith("direct") or not base else "%+.3f" % (m["ev_lat_p99_ms"] - base["ev_lat_p99_ms"]),
                m["ttft_p50_ms"]))

for p in phases:
    print("\n## Full tables, %s (../shared/bench/lib/report.py)\n" % p)
    out = subprocess.run(["python3", os.path.join(shared, "lib/report.py"), os.path.join(run, p, "results.jsonl")],
                         capture_output=True, text=True).stdout
    print(out)
