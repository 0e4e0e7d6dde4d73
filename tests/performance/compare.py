#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Runs pykka-glib's benchmark and the same workloads on Pykka (Debian's python3-pykka), in
one run on one machine, and prints one table: pykka-glib, the raw GLib floor, Pykka, and the
ratios the performance issue asks about.

    /usr/bin/python3 tests/performance/compare.py BUILDDIR [--scale F] [--repeat N] [--million]

Each figure is the median of --repeat runs (default 3). Nothing here is a test: the machine
is shared and noisy, so only ratios taken in the same run mean anything.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

import pykka


class Counter(pykka.ThreadingActor):
    def __init__(self):
        super().__init__()
        self.count = 0

    def on_receive(self, message):
        self.count += 1
        return self.count

    def echo(self, value):
        return value


def pykka_tell(n):
    ref = Counter.start()
    ref.ask(0)
    start = time.perf_counter()
    for _ in range(n):
        ref.tell(1)
    ref.ask(0)
    elapsed = time.perf_counter() - start
    ref.stop()
    return n / elapsed


def pykka_ask(n):
    ref = Counter.start()
    samples = []
    for _ in range(min(n, 1000)):
        ref.ask(0)
    for _ in range(n):
        start = time.perf_counter()
        ref.ask(0)
        samples.append((time.perf_counter() - start) * 1e6)
    ref.stop()
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(0.99 * len(samples)))]


def pykka_proxy(n):
    ref = Counter.start()
    proxy = ref.proxy()
    samples = []
    for i in range(n + min(n, 1000)):
        start = time.perf_counter()
        proxy.echo(7).get()
        if i >= min(n, 1000):
            samples.append((time.perf_counter() - start) * 1e6)
    ref.stop()
    return statistics.median(samples)


def pykka_fan_out(n):
    start = time.perf_counter()
    refs = [Counter.start() for _ in range(n)]
    futures = [ref.ask(0, block=False) for ref in refs]
    for future in futures:
        assert future.get() == 1
    pykka.ActorRegistry.stop_all()
    return time.perf_counter() - start


def run_bench(builddir, scale, million):
    exe = os.path.join(builddir, "tests", "performance", "bench")
    argv = [exe, "--scale", str(scale)] + (["--million"] if million else [])
    out = subprocess.run(argv, check=True, capture_output=True, text=True).stdout
    figures = {}
    for line in out.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split()
        runtime, unit, value = parts[0], parts[-1], float(parts[-2])
        figures[(runtime, " ".join(parts[1:-2]))] = value
    return figures


def median_of(runs, key):
    values = [r[key] for r in runs if key in r]
    return statistics.median(values) if values else float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("builddir")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--million", action="store_true",
                        help="also start, ask and stop 1 000 000 pool actors (scaled)")
    args = parser.parse_args()

    glib_runs = [run_bench(args.builddir, args.scale, args.million) for _ in range(args.repeat)]
    n_tell = max(1, int(200000 * args.scale))
    n_ask = max(1, int(20000 * args.scale))
    n_fan = max(1, int(1000 * args.scale))
    py_tell = statistics.median(pykka_tell(n_tell) for _ in range(args.repeat))
    asks = [pykka_ask(n_ask) for _ in range(args.repeat)]
    py_ask = statistics.median(a[0] for a in asks)
    py_ask_p99 = statistics.median(a[1] for a in asks)
    py_proxy = statistics.median(pykka_proxy(n_ask) for _ in range(args.repeat))
    py_fan = statistics.median(pykka_fan_out(n_fan) for _ in range(args.repeat))

    g = lambda runtime, name: median_of(glib_runs, (runtime, name))
    floor_tell = g("floor", "GAsyncQueue push/pop throughput")
    floor_pp = g("floor", "two-queue ping-pong median")
    rows = []
    for rt in ("thread", "pool", "context"):
        tell = g(rt, "tell throughput")
        ask = g(rt, "ask round trip median")
        proxy = g(rt, "proxy call round trip median")
        generic = g(rt, "proxy call, generic marshaller, median")
        rows.append((rt, "tell msg/s", tell, floor_tell, py_tell,
                     "%.2fx floor, %.1fx Pykka" % (tell / floor_tell, tell / py_tell)))
        rows.append((rt, "ask median us", ask, floor_pp, py_ask,
                     "%.2fx floor, %.2fx Pykka" % (ask / floor_pp, ask / py_ask)))
        rows.append((rt, "ask p99 us", g(rt, "ask round trip p99"),
                     g("floor", "two-queue ping-pong p99"), py_ask_p99, ""))
        rows.append((rt, "proxy median us", proxy, float("nan"), py_proxy,
                     "%.2fx own ask" % (proxy / ask)))
        rows.append((rt, "proxy, generic marshaller, median us", generic, float("nan"),
                     py_proxy, "%.2fx own ask" % (generic / ask)))
    fan_thread = g("thread", "fan-out %d: start+ask+stop" % n_fan)
    fan_floor = g("floor", "thread fan-out %d: start+ask+stop" % n_fan)
    rows.append(("thread", "%d actors start+ask+stop s" % n_fan, fan_thread, fan_floor, py_fan,
                 "%.1fx faster than Pykka (floor: %.1fx)" % (py_fan / fan_thread,
                                                            py_fan / fan_floor)))
    for n_pool in [100000] + ([1000000] if args.million else []):
        n_pool = max(1, int(n_pool * args.scale))
        fan = "fan-out %d: " % n_pool
        rows.append(("pool", "%d actors start+ask+stop s" % n_pool,
                     g("pool", fan + "start+ask+stop"), float("nan"), float("nan"),
                     "%.0f B/actor RSS, %.0f B/actor heap" %
                     (g("pool", fan + "memory per actor"), g("pool", fan + "heap per actor"))))

    print("# %d CPUs, pykka %s, scale %g, median of %d runs" %
          (os.cpu_count(), pykka.__version__, args.scale, args.repeat))
    print("| runtime | workload | pykka-glib | floor | Pykka | ratio |")
    print("|---|---|---|---|---|---|")
    for rt, name, value, floor, py, ratio in rows:
        fmt = lambda v: "–" if v != v else ("%.0f" % v if v >= 100 else "%.3g" % v)
        print("| %s | %s | %s | %s | %s | %s |" % (rt, name, fmt(value), fmt(floor), fmt(py), ratio))


if __name__ == "__main__":
    sys.exit(main())
