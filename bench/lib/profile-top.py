#!/usr/bin/env python3
"""Summary of an async-profiler CPU profile in collapsed form (bench/profile.sh).

  profile-top.py FILE.collapsed [N]
Prints the share of samples per area (inclusive: a sample counts for every area on its stack), the
top N self frames, the scheduler's share (thread wake-ups and switches) by the Java frames that
caused it, and who hands tasks to thread pools. Stdlib only.
"""
import collections, re, sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 20
AREAS = [
    ("GC", r"G1|ParallelGC|PSPromotion|PSScavenge|SerialHeap|DefNew|GCTask|ParallelScavenge|ParCompact"),
    ("JIT compiler", r"CompileBroker|C2Compiler|Compile::|C1Compiler"),
    ("JDK HTTP client", r"jdk/internal/net/http"),
    ("Jetty HTTP client", r"org/eclipse/jetty"),
    ("Grizzly (HTTP server)", r"org/glassfish/grizzly"),
    ("web container (Catalina, Payara)", r"org/apache/catalina|com/sun/enterprise/web|org/glassfish/web"),
    ("relay code", r"dev/clauderelay"),
    ("Jackson", r"com/fasterxml"),
    ("MariaDB driver (usage writes)", r"org/mariadb"),
    ("socket I/O in the kernel", r"tcp_|sock_|__sys_sendto|__sys_recvfrom|do_writev|ksys_write|ksys_read"),
]
SCHED = r"finish_task_switch|_raw_spin_unlock_irqrestore"
total = 0
area = collections.Counter(); self_ = collections.Counter()
sched = collections.Counter(); handoff = collections.Counter()
for line in open(path):
    stack, n = line.rstrip().rsplit(" ", 1)
    n = int(n); total += n
    frames = stack.split(";")
    self_[frames[-1]] += n
    for name, rx in AREAS:
        if re.search(rx, stack):
            area[name] += n
    if re.search(SCHED, frames[-1]):
        java = [f for f in frames if "/" in f and not f.endswith("_[k]")]
        sched[" <- ".join(f.split("/")[-1] for f in reversed(java[-3:])) or frames[0]] += n
    idx = [i for i, f in enumerate(frames) if re.search(r"ThreadPoolExecutor\.execute|QueuedThreadPool\.execute", f)]
    if idx:
        i = idx[0]
        handoff[" <- ".join(f.split("/")[-1] for f in reversed(frames[max(0, i - 4):i + 1]))] += n

pct = lambda n: f"{n * 100 / total:5.1f}%"
print(f"samples: {total}")
print("\n## areas (inclusive)")
for name, _ in AREAS:
    print(f"  {pct(area[name])}  {name}")
print(f"\n## top {top} self frames")
for frame, n in self_.most_common(top):
    print(f"  {pct(n)}  {frame}")
print(f"\n## the scheduler (wake-ups, context switches): {pct(sum(sched.values()))} of samples, by cause")
for cause, n in sched.most_common(8):
    print(f"  {pct(n)}  {cause[:180]}")
print(f"\n## hand-offs to thread pools: {pct(sum(handoff.values()))} of samples, by caller")
for caller, n in handoff.most_common(6):
    print(f"  {pct(n)}  {caller[:220]}")
