# SPDX-FileCopyrightText: 2026 The pykka-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Runs a Python example and compares what it prints with an expected-output file (TAP).

  check_example.py --mode MODE EXPECTED SCRIPT [ARG...]

The example runs with this interpreter; it must exit with status 0 and write nothing to
stderr. MODE says how its stdout is compared with EXPECTED:

  exact           the same text.
  urns            the same text once every distinct "urn:uuid:…" is numbered in order of first
                  appearance (so the same actor keeps one URN and two actors have two).
  strip-urns      the same text once " (urn:uuid:…)" is left out (used to compare with the
                  C example's output).
  threads         lines are "{thread name}: {text}"; each thread's lines are exactly the
                  expected ones in order, and a line of another thread than MainThread sits at
                  most two MainThread lines away from where EXPECTED has it (threads run
                  concurrently: Pykka's own documented output shows such a line moving).
  unordered-head  the lines before the first line starting with "[" (printed by concurrent
                  actors) may come in any order; the rest is exact.

In the last two modes the lines of concurrent threads may also be joined: print() writes a
line's text and its newline separately (Pykka's examples behave the same).
"""

import argparse
import re
import subprocess
import sys

URN_RE = re.compile(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def number_urns(text):
    numbers = {}
    return URN_RE.sub(lambda m: "urn:uuid:<%d>" % numbers.setdefault(m.group(0), len(numbers) + 1),
                      text)


def records(text, expected_lines):
    """The lines of @text as printed. print() writes a line's text and its newline in two
    writes, so the lines of concurrent threads may be joined ("ab\n\n" for "a" and "b"):
    at each position, take the longest expected line that starts there, else up to the
    newline."""
    candidates = sorted(set(expected_lines), key=len, reverse=True)
    result = []
    i = 0
    while i < len(text):
        if text[i] == "\n":
            i += 1
            continue
        for line in candidates:
            if line and text.startswith(line, i):
                result.append(line)
                i += len(line)
                break
        else:
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            result.append(text[i:end])
            i = end
    return result


def split_thread(line):
    name, sep, _ = line.partition(": ")
    return name if sep else ""


def compare_threads(expected, actual):
    exp_lines = expected.splitlines()
    act_lines = records(actual, exp_lines)
    problems = []
    threads = sorted({split_thread(line) for line in exp_lines + act_lines})
    for thread in threads:
        exp = [line for line in exp_lines if split_thread(line) == thread]
        act = [line for line in act_lines if split_thread(line) == thread]
        if exp != act:
            problems.append("the lines of thread %r differ" % thread)
    if problems:
        return problems

    def main_lines_before(lines):
        positions, count = [], 0
        for line in lines:
            if split_thread(line) == "MainThread":
                count += 1
            else:
                positions.append(count)
        return positions

    for exp_pos, act_pos, line in zip(main_lines_before(exp_lines), main_lines_before(act_lines),
                                      [line for line in act_lines
                                       if split_thread(line) != "MainThread"]):
        if abs(exp_pos - act_pos) > 2:
            problems.append("%r comes after %d MainThread lines, expected %d (+-2)"
                            % (line, act_pos, exp_pos))
    return problems


def compare_unordered_head(expected, actual):
    def split(text):
        lines = text.splitlines()
        for i, line in enumerate(lines):
            if line.startswith("["):
                return lines[:i], lines[i:]
        return lines, []

    exp_head, exp_tail = split(expected)
    act_head, act_tail = split("\n".join(records(actual, expected.splitlines())))
    problems = []
    if sorted(exp_head) != sorted(act_head):
        problems.append("the concurrent lines differ (in any order)")
    if exp_tail != act_tail:
        problems.append("the result differs")
    return problems


def compare(mode, expected, actual):
    if mode == "exact":
        return [] if expected == actual else ["the output differs"]
    if mode == "urns":
        return [] if number_urns(expected) == number_urns(actual) else [
            "the output differs (URNs numbered)"]
    if mode == "strip-urns":
        stripped = re.sub(r" \(" + URN_RE.pattern + r"\)", "", actual)
        return [] if expected == stripped else ["the output differs (URNs left out)"]
    if mode == "threads":
        return compare_threads(expected, actual)
    if mode == "unordered-head":
        return compare_unordered_head(expected, actual)
    raise SystemExit("unknown mode %r" % mode)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", required=True)
    parser.add_argument("expected")
    parser.add_argument("script")
    parser.add_argument("args", nargs="*")
    options = parser.parse_args()

    with open(options.expected, encoding="utf-8") as f:
        expected = f.read()
    run = subprocess.run([sys.executable, options.script] + options.args,
                         capture_output=True, text=True, timeout=50)
    problems = compare(options.mode, expected, run.stdout)
    if run.returncode != 0:
        problems.append("exit status %d" % run.returncode)
    if run.stderr:
        problems.append("it wrote to stderr")

    name = "%s prints the expected output (%s)" % (options.script.rsplit("/", 1)[-1], options.mode)
    print("1..1")
    if not problems:
        print("ok 1 - " + name)
        return 0
    for problem in problems:
        print("# " + problem)
    print("# expected:")
    for line in expected.splitlines():
        print("#   " + line)
    print("# actual stdout:")
    for line in run.stdout.splitlines():
        print("#   " + line)
    if run.stderr:
        print("# actual stderr:")
        for line in run.stderr.splitlines():
            print("#   " + line)
    print("not ok 1 - " + name)
    return 1


if __name__ == "__main__":
    sys.exit(main())
