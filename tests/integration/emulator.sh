# shellcheck shell=bash
# Sourced by the runme.sh of integration targets that need an emulator of their own (a fresh,
# empty organization). Needs ROOT (the collection). Sets PY (the test's Python) and WORK (a
# scratch directory); on exit, stops the emulators and removes WORK.
#
#   start_emulator NAME [emulator options...]   starts one, returns once it listens;
#                                               sets EMULATOR_URL and EMULATOR_KEY
#   stop_emulators                              stops every one started (call it on EXIT)
# Sourced without arguments, it sees the script's: a -v... among them sets ANSIBLE_VERBOSITY.

EMULATOR_PIDS=()
PY=${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}
WORK=$(mktemp -d)
trap 'stop_emulators; rm -rf "$WORK"' EXIT

# ansible-test passes its verbosity to the script (./runme.sh -vvvv): the playbooks get it too.
for __arg in "$@"; do
  if [[ $__arg =~ ^-(v+)$ ]]; then export ANSIBLE_VERBOSITY=${#BASH_REMATCH[1]}; fi
done

start_emulator() {
  local name=$1
  shift
  # exec: the pid is the emulator's own, so that stop_emulators kills it and not only a subshell.
  (cd "$ROOT" && exec "$PY" -m tests.emulator --port 0 "$@" >"$WORK/$name.json" 2>"$WORK/$name.log") &
  EMULATOR_PIDS+=($!)
  # It prints one JSON line (url, admin_key) once it listens.
  for _ in $(seq 300); do [[ $(wc -l <"$WORK/$name.json") -ge 1 ]] && break; sleep 0.1; done
  if [[ $(wc -l <"$WORK/$name.json") -lt 1 ]]; then
    echo "the emulator did not start:" >&2
    cat "$WORK/$name.log" >&2
    return 1
  fi
  # shellcheck disable=SC2034  # read by the script that sources this file
  EMULATOR_URL=$("$PY" -c 'import json, sys; print(json.loads(open(sys.argv[1]).readline())["url"])' "$WORK/$name.json")
  # shellcheck disable=SC2034
  EMULATOR_KEY=$("$PY" -c 'import json, sys; print(json.loads(open(sys.argv[1]).readline())["admin_key"])' "$WORK/$name.json")
}

stop_emulators() {
  local pid
  for pid in "${EMULATOR_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
