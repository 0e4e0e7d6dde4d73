# SPDX-FileCopyrightText: 2026 The pykka-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Ask round trip of one Python-defined actor: pykka-glib's override vs Pykka itself.

Both actors are the same class body (``on_receive`` returns the message), started the same way
(``Echo.start()``) and asked the same way (``ref.ask(i)``, blocking), in the same process, in
alternating rounds so that both see the same machine load. Prints the median time per round
trip of each, the ratio of the medians and the median of the per-round ratios (each round
times N asks of one, then N asks of the other). Pykka (Debian's python3-pykka) is optional: without it only the
override is measured.

Run from the source tree (after `ninja -C BUILDDIR`):

  GI_TYPELIB_PATH=BUILDDIR/pykka-glib LD_LIBRARY_PATH=BUILDDIR/pykka-glib \\
  PYTHONPATH=bindings/python /usr/bin/python3 tests/python/bench_ask.py [N] [ROUNDS] [--with-c-thread]

--with-c-thread adds the same override actor run on a thread that C created
(pykka_actor_start) instead of a Python thread.

This is a measurement, not a test: it asserts nothing about speed.
"""

import statistics
import sys
import time

import gi

gi.require_version("Pykka", "1")
from gi.repository import Pykka  # noqa: E402

try:
    import pykka
except ImportError:  # python3-pykka is not installed
    pykka = None


def make_echo(base):
    class Echo(base):
        def on_receive(self, message):
            return message

    return Echo


def per_call_us(ref, n):
    start = time.perf_counter()
    for i in range(n):
        ref.ask(i)
    return (time.perf_counter() - start) / n * 1e6


def main():
    args = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    n = int(args[0]) if len(args) > 0 else 20000
    rounds = int(args[1]) if len(args) > 1 else 7

    refs = {"pykka-glib override": make_echo(Pykka.Actor).start()}
    if pykka is not None:
        refs["Pykka %s" % pykka.__version__] = make_echo(pykka.ThreadingActor).start()
    if "--with-c-thread" in sys.argv:
        # For comparison: the same override actor on a thread created by C
        # (pykka_actor_start), where every call into Python creates a thread state.
        c_actor_start = gi.module.get_introspection_module("Pykka").Actor.start
        refs["override on a C thread"] = c_actor_start(make_echo(Pykka.Actor)())

    try:
        for ref in refs.values():  # warm up
            per_call_us(ref, n // 10 or 1)
        times = {name: [] for name in refs}
        for r in range(rounds):
            # Alternate the order so that neither always runs first after the other.
            order = list(refs.items())
            if r % 2:
                order.reverse()
            for name, ref in order:
                times[name].append(per_call_us(ref, n))
    finally:
        for ref in refs.values():
            ref.stop()

    print("ask round trip, %d asks x %d rounds, Python %s" % (
        n, rounds, sys.version.split()[0]))
    medians = {}
    for name, values in times.items():
        medians[name] = statistics.median(values)
        print("  %-22s median %7.2f us  (min %.2f, max %.2f)  = %8.0f asks/s" % (
            name, medians[name], min(values), max(values), 1e6 / medians[name]))
    if pykka is not None:
        ours = times["pykka-glib override"]
        theirs = times["Pykka %s" % pykka.__version__]
        ratios = sorted(t / o for o, t in zip(ours, theirs))
        print("  ratio of the medians: the override is %.2fx as fast as Pykka" % (
            statistics.median(theirs) / statistics.median(ours)))
        print("  ratio per round (Pykka time / override time): median %.2fx, range %.2f-%.2fx" % (
            statistics.median(ratios), ratios[0], ratios[-1]))
    else:
        print("  (python3-pykka is not installed: no comparison)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
