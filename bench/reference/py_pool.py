#!/usr/bin/env python3
"""CPython's concurrent.futures.ProcessPoolExecutor on the bench workloads.

The TypeScript runner (bench/run.ts) starts this script once per workload and
reads one JSON line per workload from stdout; progress goes to stderr. The
executor uses the default multiprocessing context (fork on Linux up to 3.13,
forkserver from 3.14), exactly what a Python tutorial reader gets.

    python3 bench/reference/py_pool.py --info
    python3 bench/reference/py_pool.py --only cold,dispatch

Workloads mirror bench/*.ts; every figure has the same key on both sides, and
a figure measured once per repetition is a list with one value per repetition.
"""
import argparse
import json
import multiprocessing
import os
import platform
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed

WORKLOADS = ("cold", "dispatch", "map", "cpu", "as_completed")


# ---------------------------------------------------------------- tasks
# Module level so the workers can find them by qualified name (pickle).
def noop(x=None):
    return x


def count_primes(n):
    """Trial division up to sqrt(i): the same loop as countPrimes() in bench/tasks.mjs."""
    count = 0
    for i in range(2, n):
        j = 2
        is_p = True
        while j * j <= i:
            if i % j == 0:
                is_p = False
                break
            j += 1
        if is_p:
            count += 1
    return count


def count_primes_timed(n):
    t = time.perf_counter()
    c = count_primes(n)
    return [c, time.perf_counter() - t, os.getpid()]


def sleep_ms(ms):
    time.sleep(ms / 1000.0)
    return os.getpid()


def sleep_stamp(ms):
    """Sleep, then return the completion time in epoch milliseconds."""
    time.sleep(ms / 1000.0)
    return time.time() * 1000.0


# ---------------------------------------------------------------- helpers
def emit(rec):
    sys.stdout.write(json.dumps(rec, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def progress(msg):
    sys.stderr.write("  [python] %s\n" % msg)
    sys.stderr.flush()


def rnd(x, nd=3):
    return round(x, nd)


def percentile(xs, p):
    """Nearest-rank on the sorted list: the same definition as bench/stats.ts."""
    s = sorted(xs)
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * (len(s) - 1)))))
    return s[k]


def mulberry32(seed):
    """Seeded PRNG, bit for bit the same as mulberry32() in bench/stats.ts."""
    state = [seed & 0xFFFFFFFF]
    mask = 0xFFFFFFFF

    def imul(a, b):
        return (a * b) & mask

    def next_float():
        state[0] = (state[0] + 0x6D2B79F5) & mask
        t = state[0]
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & mask
        return ((t ^ (t >> 14)) & mask) / 4294967296.0

    return next_float


def warm(ex, workers):
    """Make every worker exist and answer: concurrent sleeps, then a few no-ops."""
    for f in [ex.submit(sleep_ms, 50) for _ in range(workers)]:
        f.result()
    for f in [ex.submit(noop, i) for i in range(100)]:
        f.result()


def timed_rep(min_ms, one_pass):
    """One repetition: run one_pass() (it returns the units of work it did) until min_ms have passed."""
    units = 0
    t0 = time.perf_counter()
    while True:
        units += one_pass()
        ms = (time.perf_counter() - t0) * 1e3
        if ms >= min_ms:
            return ms, units


def info():
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "start_method": multiprocessing.get_start_method(allow_none=False),
        "cpus": os.cpu_count(),
    }


class Reps(dict):
    """Figures keyed by name, one value per repetition."""

    def add(self, key, value):
        self.setdefault(key, []).append(value)


# ---------------------------------------------------------------- workloads
def wl_cold(a):
    rec = Reps()
    for _ in range(a.cold_reps):
        t0 = time.perf_counter()
        ex = ProcessPoolExecutor(max_workers=2)
        ex.submit(noop, 1).result()
        t1 = time.perf_counter()
        ex.shutdown(wait=True)
        rec.add("ms", (t1 - t0) * 1e3)
        rec.add("shutdown_ms", (time.perf_counter() - t1) * 1e3)
        ex = ProcessPoolExecutor(max_workers=2)
        try:
            ex.submit(noop, 0).result()
            time.sleep(0.02)  # the worker is idle now
            t0 = time.perf_counter()
            ex.submit(noop, 1).result()
            rec.add("warm_ms", (time.perf_counter() - t0) * 1e3)
        finally:
            ex.shutdown(wait=True)
    rec["ms_first"] = rec["ms"][0]
    return rec


def wl_dispatch(a):
    rec = Reps()
    seq_n, all_n = a.dispatch_seq_n, a.dispatch_all_n
    with ProcessPoolExecutor(max_workers=2) as ex:
        warm(ex, 2)

        def one_at_a_time():
            for i in range(seq_n):
                ex.submit(noop, i).result()
            return seq_n

        def all_at_once():
            futs = [ex.submit(noop, i) for i in range(all_n)]
            for f in futs:
                f.result()
            return all_n

        for _ in range(a.reps):
            ms, units = timed_rep(a.min_rep_ms, one_at_a_time)
            rec.add("seq_us_per_task", ms / units * 1e3)
            ms, units = timed_rep(a.min_rep_ms, all_at_once)
            rec.add("us_per_task", ms / units * 1e3)
    return rec


def wl_map(a):
    rec = Reps()
    with ProcessPoolExecutor(max_workers=2) as ex:
        warm(ex, 2)
        for cs, n in a.map_sizes:
            items = list(range(n))

            def one_pass():
                out = list(ex.map(noop, items, chunksize=cs))
                if len(out) != n or out[-1] != n - 1:
                    raise AssertionError("map returned the wrong results")
                return n

            for _ in range(a.reps):
                ms, units = timed_rep(a.min_rep_ms, one_pass)
                rec.add("items_per_s_c%d" % cs, units / (ms / 1e3))
    return rec


def calibrate_primes_n(target_s):
    """The n for which count_primes(n) takes about target_s in this process."""
    n = 20000
    while True:
        t = time.perf_counter()
        count_primes(n)
        dt = time.perf_counter() - t
        if dt >= 0.1:
            break
        n *= 2
    # Cost grows about as n^1.5 / log n.
    return int(round(n * (target_s / dt) ** (1 / 1.45) / 1000.0)) * 1000


def wl_cpu(a):
    n = a.primes_n or calibrate_primes_n(a.cpu_task_s)
    progress("cpu: %d reps of count_primes(%d) x %d" % (a.slow_reps, n, a.cpu_tasks))
    rec = Reps()
    pools = {w: ProcessPoolExecutor(max_workers=w) for w in (1, 2)}
    try:
        for w, ex in pools.items():
            warm(ex, w)
        for _ in range(a.slow_reps):
            per = []
            t0 = time.perf_counter()
            for _ in range(a.cpu_tasks):
                t = time.perf_counter()
                expect = count_primes(n)
                per.append(time.perf_counter() - t)
            serial = time.perf_counter() - t0
            rec.add("serial_s", serial)
            rec.add("task_s_serial_mean", statistics.mean(per))
            for w, ex in pools.items():
                t0 = time.perf_counter()
                res = [f.result() for f in [ex.submit(count_primes_timed, n) for _ in range(a.cpu_tasks)]]
                dt = time.perf_counter() - t0
                if any(c != expect for c, _, _ in res):
                    raise AssertionError("count_primes gave different answers")
                rec.add("pool%d_s" % w, dt)
                rec.add("speedup%d" % w, serial / dt)
                rec.add("pool%d_task_s_mean" % w, statistics.mean(t for _, t, _ in res))
                per_pid = {}
                for _, _, pid in res:
                    per_pid[pid] = per_pid.get(pid, 0) + 1
                rec["pool%d_tasks_per_worker" % w] = sorted(per_pid.values(), reverse=True)
    finally:
        for ex in pools.values():
            ex.shutdown(wait=True)
    rec["primes_n"] = n
    return rec


def wl_as_completed(a):
    rand = mulberry32(a.seed)
    sleeps = [rand() * a.ac_sleep_max_ms for _ in range(a.ac_n)]
    rec = Reps()
    with ProcessPoolExecutor(max_workers=2) as ex:
        warm(ex, 2)
        for _ in range(a.slow_reps):
            delays = []
            t0 = time.perf_counter()
            futs = [ex.submit(sleep_stamp, ms) for ms in sleeps]
            for f in as_completed(futs):
                t_caller = time.time() * 1000.0
                delays.append(t_caller - f.result())
            rec.add("wall_s", time.perf_counter() - t0)
            rec.add("delay_ms_mean", statistics.mean(delays))
            rec.add("delay_ms_median", statistics.median(delays))
            rec.add("delay_ms_p95", percentile(delays, 95))
            rec.add("delay_ms_max", max(delays))
    rec["ideal_wall_s"] = sum(sleeps) / 2000.0
    return rec


RUNNERS = {
    "cold": wl_cold,
    "dispatch": wl_dispatch,
    "map": wl_map,
    "cpu": wl_cpu,
    "as_completed": wl_as_completed,
}


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--info", action="store_true", help="print interpreter facts as one JSON line and exit")
    p.add_argument("--only", default=",".join(WORKLOADS), help="comma-separated workloads")
    p.add_argument("--min-rep-ms", type=float, default=100, help="a repetition repeats its pass this long at least")
    p.add_argument("--cold-reps", type=int, default=7)
    p.add_argument("--reps", type=int, default=5, help="repetitions of dispatch and map")
    p.add_argument("--slow-reps", type=int, default=3, help="repetitions of cpu and as_completed")
    p.add_argument("--dispatch-seq-n", type=int, default=5000)
    p.add_argument("--dispatch-all-n", type=int, default=20000)
    p.add_argument("--map-sizes", default="1:20000,16:200000,256:1000000", help="chunksize:items per pass, ...")
    p.add_argument("--cpu-tasks", type=int, default=8)
    p.add_argument("--cpu-task-s", type=float, default=0.2, help="calibrate count_primes to this many s")
    p.add_argument("--primes-n", type=int, default=0, help="skip calibration, use this n")
    p.add_argument("--ac-n", type=int, default=200)
    p.add_argument("--ac-sleep-max-ms", type=float, default=20.0)
    p.add_argument("--seed", type=int, default=12345)
    a = p.parse_args(argv)
    a.map_sizes = [tuple(int(x) for x in pair.split(":")) for pair in a.map_sizes.split(",") if pair.strip()]
    a.only = [w.strip().replace("-", "_") for w in a.only.split(",") if w.strip()]
    for w in a.only:
        if w not in RUNNERS:
            p.error("unknown workload %r (have %s)" % (w, ",".join(WORKLOADS)))
    return a


def main(argv):
    a = parse_args(argv)
    if a.info:
        emit(info())
        return
    for w in a.only:
        t0 = time.perf_counter()
        rec = {"system": "cpython", "workload": w}
        rec.update(RUNNERS[w](a))
        rec["bench_s"] = rnd(time.perf_counter() - t0, 2)
        emit(rec)


if __name__ == "__main__":
    main(sys.argv[1:])
