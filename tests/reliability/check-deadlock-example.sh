#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Runs examples/deadlock-debugging and compares its output with an expected-output file (TAP,
# one test). The output has what changes from run to run, which is made stable first:
# - the URN of each actor: every mention of an actor must carry the same valid URN, which is
#   then written urn:uuid:<A> (or <B>);
# - the cycle: whichever actor's wait closes it is named first, so "B waits for A waits for B"
#   is written "A waits for B waits for A";
# - an actor may be seen "handling" the last call the example made to it for the instant
#   between its answer and the end of its handler, which is written "idle".
expected_file=$1
shift
echo "1..1"
actual=$("$@" 2>&1)
status=$?

ok=1
urn_re='urn:uuid:[0-9a-f]\{8\}-[0-9a-f]\{4\}-4[0-9a-f]\{3\}-[89ab][0-9a-f]\{3\}-[0-9a-f]\{12\}'
for actor in A B; do
  urns=$(printf '%s\n' "$actual" | grep -o "DeadlockActor$actor (urn:[^)]*)" | sort -u)
  count=$(printf '%s\n' "$urns" | grep -c .)
  if [ "$count" -ne 1 ] || ! printf '%s\n' "$urns" | grep -q "($urn_re)\$"; then
    echo "# DeadlockActor$actor is not named with one valid URN:"
    printf '%s\n' "$urns" | sed 's/^/#   /'
    ok=0
  fi
done

normalized=$(printf '%s\n' "$actual" |
  sed -e "s/DeadlockActorA ($urn_re)/DeadlockActorA (urn:uuid:<A>)/g" \
      -e "s/DeadlockActorB ($urn_re)/DeadlockActorB (urn:uuid:<B>)/g" \
      -e 's/DeadlockActorB (urn:uuid:<B>) waits for DeadlockActorA (urn:uuid:<A>) waits for DeadlockActorB (urn:uuid:<B>)/DeadlockActorA (urn:uuid:<A>) waits for DeadlockActorB (urn:uuid:<B>) waits for DeadlockActorA (urn:uuid:<A>)/' \
      -e "s/, handling 'foo' (proxy call), inbox 0\$/, idle, inbox 0/" \
      -e "s/, handling 'ping' (proxy call), inbox 0\$/, idle, inbox 0/")

if [ $status -eq 0 ] && [ $ok -eq 1 ] && [ "$normalized" = "$(cat "$expected_file")" ]; then
  echo "ok 1 - $(basename "$1") prints the expected output"
else
  echo "# exit status: $status"
  echo "# expected:"; sed 's/^/#   /' "$expected_file"
  echo "# actual (normalized):"; printf '%s\n' "$normalized" | sed 's/^/#   /'
  echo "not ok 1 - $(basename "$1") prints the expected output"
  exit 1
fi
