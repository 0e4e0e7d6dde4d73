#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The pykka-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Fails when a symbol of the public headers is missing from pykka-glib-sections.txt.

gtkdoc-check only looks at the symbols the sections file lists (undocumented, unused,
undeclared). This closes the gap: every symbol that gtkdoc-scan declared from the public
headers (pykka-glib-decl-list.txt, grouped by header) must be listed in the sections file, so
that a new public function without a place in the reference (and so without a checked doc
comment) fails the test suite.

Usage: check-sections.py DECL_LIST SECTIONS
Prints TAP.
"""

import re
import sys


def read_sections(path):
    """Returns {symbol: file} for every symbol listed in a gtk-doc sections file."""
    symbols = {}
    current_file = None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            match = re.match(r"<FILE>(.*)</FILE>$", line)
            if match:
                current_file = match.group(1)
                continue
            if line.startswith("<"):
                continue
            symbols.setdefault(line, current_file)
    return symbols


def main():
    if len(sys.argv) != 3:
        print("usage: check-sections.py DECL_LIST SECTIONS", file=sys.stderr)
        return 2
    declared = read_sections(sys.argv[1])
    listed = read_sections(sys.argv[2])

    missing = sorted((f or "?", s) for s, f in declared.items() if s not in listed)
    print("1..1")
    if missing:
        print("not ok 1 - every public symbol has a place in the reference")
        for header, symbol in missing:
            print("# %s (declared in %s.h) is not listed in pykka-glib-sections.txt"
                  % (symbol, header))
        print("# Add each one to the <SECTION> of its header in docs/reference/"
              "pykka-glib-sections.txt (type macros and *_get_type under <SUBSECTION Standard>),"
              " and give it a doc comment.")
        return 1
    print("ok 1 - every public symbol has a place in the reference (%d symbols)" % len(declared))
    return 0


if __name__ == "__main__":
    sys.exit(main())
