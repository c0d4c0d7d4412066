# shellcheck shell=bash
# Sourced by the runme.sh of integration targets that need an emulator of their own (a fresh,
# empty organization). Needs ROOT (the collection). Sets PY (the test's Python) and WORK (a
# scratch directory); on exit, stops the emulators and removes WORK.
#
#   start_emulator NAME [emulator options...]   starts one, returns once it listens;
#                                               sets EMULATOR_URL and EMULATOR_KEY
#   stop_emulators                              stops every one started (call it on EXIT)
# Sourced without arguments, it sees the script's: a -v... among them sets ANSIBLE_VERBOSITY.

# shellcheck source=../../scripts/lib.sh
source "$ROOT/scripts/lib.sh"  # launch_emulator

EMULATOR_PIDS=()
# The wire format of the emulators, as scripts/integration.sh wrote it for this target
# (ansible-test passes no environment variable on); contract when run by hand without one.
EMULATOR_CONTRACT=$(sed -n 's/^cockroach_emulator_contract: "\([a-z]*\)".*/\1/p' \
  "$ROOT/tests/integration/integration_config.yml" 2>/dev/null || true)
export EMULATOR_CONTRACT=${EMULATOR_CONTRACT:-contract}
PY=${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}
WORK=$(mktemp -d)
trap 'stop_emulators; rm -rf "$WORK"' EXIT

# ansible-test passes its verbosity to the script (./runme.sh -vvvv): the playbooks get it too.
for __arg in "$@"; do
  if [[ $__arg =~ ^-(v+)$ ]]; then export ANSIBLE_VERBOSITY=${#BASH_REMATCH[1]}; fi
done

start_emulator() {
  local name=$1 status=0
  shift
  launch_emulator "$PY" "$WORK/$name" "$@" || status=$?
  # shellcheck disable=SC2153  # EMULATOR_PID is set by launch_emulator (scripts/lib.sh)
  EMULATOR_PIDS+=("$EMULATOR_PID")
  return $status
}

stop_emulators() {
  local pid
  for pid in "${EMULATOR_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
