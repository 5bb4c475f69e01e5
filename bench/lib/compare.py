#!/usr/bin/env python3
"""Ratios of one bench/compare.sh run: the relay ("ours") against the peer ("llms"), both against
direct-to-mock, from the harness's raw results (results.jsonl), medians over the interleaved trials.

  compare.py RUN_DIR [--ready NAME=MS ...] [--ours ours] [--peer llms]
Prints markdown: per scenario CPU per request, req/s, added latency p50/p99 over direct, +TTFT p50
(streaming scenarios), RSS, and the ratios ours/peer; then start to ready.
"""
import argparse, collections, json, os, statistics

ap = argparse.ArgumentParser()
ap.add_argument("run")
ap.add_argument("--ready", action="append", default=[])
ap.add_argument("--ours", default="ours")
ap.add_argument("--peer", default="llms")
a = ap.parse_args()

rows = collections.defaultdict(list)
order = []
for line in open(os.path.join(a.run, "results.jsonl")):
    r = json.loads(line)
    key = (r["scenario"], r["conns"])
    if key not in order:
        order.append(key)
    rows[key + (r["target"],)].append(r)

def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None

def figures(scenario, conns, target):
    trials = rows.get((scenario, conns, target), [])
    if not trials:
        return None
    f = {}
    f["rps"] = med([t["wrk"]["requests"] * 1e6 / t["wrk"]["duration_us"] for t in trials])
    f["cpu"] = med([t["gw_cpu_ms"] / t["wrk"]["requests"] for t in trials if t["wrk"]["requests"]])
    f["p50"] = med([t["wrk"]["lat_p50_us"] / 1000 for t in trials])
    f["p99"] = med([t["wrk"]["lat_p99_us"] / 1000 for t in trials])
    f["rss"] = med([t["rss_kb"] / 1024 for t in trials])
    f["ttft"] = med([t.get("ttft", {}).get("ttft_p50_ms") for t in trials])
    f["errors"] = sum(t["wrk"]["err_status"] + t["wrk"]["err_sock"] for t in trials)
    return f

def fmt(v, digits=2):
    return "-" if v is None else f"{v:.{digits}f}"

def ratio(x, y):
    return None if x is None or y in (None, 0) else x / y

print(f"| scenario (c) | {a.ours} CPU ms/req | {a.peer} CPU ms/req | **CPU {a.ours}/{a.peer}** "
      f"| {a.ours} req/s | {a.peer} req/s | **req/s {a.ours}/{a.peer}** | +p50 ms {a.ours} / {a.peer} "
      f"| +p99 ms {a.ours} / {a.peer} | +TTFT p50 ms {a.ours} / {a.peer} | RSS MB {a.ours} / {a.peer} | errors |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
cpu_ratios, rps_ratios = [], []
for scenario, conns in order:
    d = figures(scenario, conns, "direct")
    o = figures(scenario, conns, a.ours)
    p = figures(scenario, conns, a.peer)
    if not o or not p:
        continue
    def added(f, k):
        return None if d is None or f[k] is None or d[k] is None else f[k] - d[k]
    cr, rr = ratio(o["cpu"], p["cpu"]), ratio(o["rps"], p["rps"])
    cpu_ratios.append((scenario, cr)); rps_ratios.append((scenario, rr))
    print(f"| {scenario} ({conns}) | {fmt(o['cpu'], 3)} | {fmt(p['cpu'], 3)} | **{fmt(cr)}** "
          f"| {fmt(o['rps'], 0)} | {fmt(p['rps'], 0)} | **{fmt(rr)}x** "
          f"| +{fmt(added(o, 'p50'))} / +{fmt(added(p, 'p50'))} | +{fmt(added(o, 'p99'))} / +{fmt(added(p, 'p99'))} "
          f"| {('+' + fmt(added(o, 'ttft')) + ' / +' + fmt(added(p, 'ttft'))) if o['ttft'] is not None else '-'} "
          f"| {fmt(o['rss'], 0)} / {fmt(p['rss'], 0)} | {o['errors']} / {p['errors']} |")
print()
goals = a.peer == "llms"
met = [s for s, r in cpu_ratios if r is not None and r <= 1 / 3] if goals else []
if goals:
    print(f"CPU per request at most a third of the peer's: {len(met)} of {len(cpu_ratios)} scenarios"
          + (f" ({', '.join(met)})" if met else "") + ".")
    met = [s for s, r in rps_ratios if r is not None and r >= 2]
    print(f"Throughput at least twice the peer's: {len(met)} of {len(rps_ratios)} scenarios"
          + (f" ({', '.join(met)})" if met else "") + ".")
if a.ready:
    print("Start to ready: " + ", ".join(f"{n.split('=')[0]} {int(n.split('=')[1]) / 1000:.1f} s" for n in a.ready) + ".")
print("Added latency = the target's wrk p50/p99 minus direct-to-mock's in the same run; +TTFT = time to "
      "the first streamed text event minus direct's (the harness's probe, 15 x c streams). RSS after each trial.")
