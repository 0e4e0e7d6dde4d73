#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Runs a program and compares what it prints with an expected-output file (TAP, one test).
expected_file=$1
shift
echo "1..1"
actual=$("$@" 2>&1)
status=$?
if [ $status -eq 0 ] && [ "$actual" = "$(cat "$expected_file")" ]; then
  echo "ok 1 - $(basename "$1") prints the expected output"
else
  echo "# exit status: $status"
  echo "# expected:"; sed 's/^/#   /' "$expected_file"
  echo "# actual:"; printf '%s\n' "$actual" | sed 's/^/#   /'
  echo "not ok 1 - $(basename "$1") prints the expected output"
  exit 1
fi
