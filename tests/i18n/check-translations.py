#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The pykka-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Checks po/ against the library sources; prints TAP.

1. po/POTFILES.in names only files that exist, and every library source (pykka-glib/*.c) with
   translatable strings (_(), N_(), C_(), NC_()).
2. For each language of po/LINGUAS, po/<lang>.po exists and passes `msgfmt --check`.
3. It translates every message (no untranslated or fuzzy ones).
4. Its messages are exactly those xgettext extracts from the sources now: a new or changed
   string in the library fails this until the catalogs are updated (msgmerge) and translated.

Usage: check-translations.py SOURCE_ROOT
"""

import glob
import os
import re
import subprocess
import sys
import tempfile

# The keywords of meson's i18n "glib" preset.
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
]
TRANSLATABLE = re.compile(r"(?<![\w])(?:N?C?_)\s*\(\s*\"")

tests = []


def check(name, problems):
    tests.append((name, problems))


def po_messages(path):
    """Returns the set of (msgctxt, msgid) of a po or pot file, without the header."""
    result = subprocess.run(["msgcat", "--no-wrap", "--sort-output", path],
                            capture_output=True, text=True, check=True)
    messages = set()
    ctxt = None
    current = None
    obsolete = False
    for line in result.stdout.splitlines():
        if line.startswith("#~"):
            obsolete = True
            continue
        if line.startswith("msgctxt "):
            ctxt = line[len("msgctxt "):]
        elif line.startswith("msgid "):
            current = line[len("msgid "):]
        elif line.startswith("msgstr") and current is not None:
            if current != '""' and not obsolete:
                messages.add((ctxt, current))
            ctxt = current = None
            obsolete = False
    return messages


def main():
    root = sys.argv[1]
    po_dir = os.path.join(root, "po")

    # 1. POTFILES.in
    with open(os.path.join(po_dir, "POTFILES.in"), encoding="utf-8") as f:
        listed = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    problems = ["%s is listed but does not exist" % p
                for p in listed if not os.path.exists(os.path.join(root, p))]
    for path in sorted(glob.glob(os.path.join(root, "pykka-glib", "*.c"))):
        rel = os.path.relpath(path, root)
        with open(path, encoding="utf-8") as f:
            if TRANSLATABLE.search(f.read()) and rel not in listed:
                problems.append("%s has translatable strings but is not in po/POTFILES.in" % rel)
    check("po/POTFILES.in lists every source with translatable strings", problems)

    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
        languages = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    check("po/LINGUAS names at least one language", [] if languages else ["LINGUAS is empty"])

    # The messages of the sources now.
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "current.pot")
        existing = [p for p in listed if os.path.exists(os.path.join(root, p))]
        subprocess.run(["xgettext", "--package-name=pykka-glib", "-D", root, "-o", pot]
                       + XGETTEXT_ARGS + existing, check=True, capture_output=True)
        wanted = po_messages(pot) if os.path.exists(pot) else set()

        for language in languages:
            po = os.path.join(po_dir, language + ".po")
            if not os.path.exists(po):
                check("po/%s.po exists" % language, ["po/%s.po is missing" % language])
                continue

            # 2. msgfmt --check
            result = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po],
                                    capture_output=True, text=True)
            check("po/%s.po passes msgfmt --check" % language,
                  [] if result.returncode == 0 else result.stderr.strip().splitlines())

            # 3. complete
            stats = result.stderr.strip()
            incomplete = re.search(r"(\d+) (fuzzy|untranslated) translation", stats)
            check("po/%s.po is completely translated (%s)" % (language, stats),
                  [stats] if incomplete else [])

            # 4. in sync with the sources
            have = po_messages(po)
            problems = ["not in po/%s.po: msgid %s" % (language, m[1])
                        for m in sorted(wanted - have, key=str)]
            problems += ["no longer in the sources: msgid %s" % m[1]
                         for m in sorted(have - wanted, key=str)]
            if problems:
                problems.append("update with: msgmerge --update po/%s.po <new pot>, then translate"
                                % language)
            check("po/%s.po has exactly the messages of the sources" % language, problems)

    print("1..%d" % len(tests))
    failed = 0
    for number, (name, problems) in enumerate(tests, start=1):
        if problems:
            failed += 1
            print("not ok %d - %s" % (number, name))
            for p in problems:
                print("# " + p)
        else:
            print("ok %d - %s" % (number, name))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
