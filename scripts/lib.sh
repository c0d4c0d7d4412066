# shellcheck shell=bash
# What the test scripts share (scripts/test.sh, scripts/integration.sh, scripts/matrix.sh);
# sourced, with ROOT set to the repository.
#
#   copy_tree DIR                  the work tree as git sees it (tracked plus untracked files
#                                  that are not ignored) at DIR/ansible_collections/cockroachdb/cloud
#   launch_emulator PY OUT [opts]  `PY -m tests.emulator --port 0 --contract C opts` in the background
#                                  (C: EMULATOR_CONTRACT, default contract; live: the live service's
#                                  wire format), output
#                                  in OUT.json / OUT.log; returns once it listens and sets
#                                  EMULATOR_PID (also when it fails), EMULATOR_URL, EMULATOR_KEY
#                                  (tests/integration/emulator.sh starts its emulators with it)
#   stop_emulator PID              stops it, whatever state it is in
#   cpu_seconds [PID]              prints the CPU seconds that this shell (or PID) and the
#                                  children it waited for used

# ansible-test needs .../ansible_collections/<ns>/<name>/ and rejects a symlinked root
# ('No "ansible_collections" parent directory was found'), so each user gets a copy. What git
# would see, so that new files are checked before they are committed.
copy_tree() {
  local coll="$1/ansible_collections/cockroachdb/cloud"
  mkdir -p "$coll"
  if git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1; then
    git -C "$ROOT" ls-files -z --cached --others --exclude-standard |
      (cd "$ROOT" && while IFS= read -r -d '' f; do if [[ -e "$f" ]]; then printf '%s\0' "$f"; fi; done) |
      tar -C "$ROOT" --null -T - -cf - | tar -C "$coll" -xf -
  else
    tar -C "$ROOT" --exclude=./.venv --exclude=./.venv-matrix --exclude=./.git --exclude=./tests/output \
      --exclude=./collections --exclude=./.ansible -cf - . | tar -C "$coll" -xf -
  fi
}

launch_emulator() {
  local py=$1 out=$2 i
  shift 2
  # exec: the pid is the emulator's own, so that stop_emulator stops it and not a subshell.
  (cd "$ROOT" && exec "$py" -m tests.emulator --port 0 --contract "${EMULATOR_CONTRACT:-contract}" "$@" \
    >"$out.json" 2>"$out.log") &
  EMULATOR_PID=$!
  for ((i = 0; i < 300; i++)); do
    if [[ -f "$out.json" && $(wc -l <"$out.json") -ge 1 ]]; then break; fi
    if ! kill -0 "$EMULATOR_PID" 2>/dev/null; then break; fi
    sleep 0.1
  done
  if [[ ! -f "$out.json" || $(wc -l <"$out.json") -lt 1 ]]; then
    echo "the emulator did not start:" >&2
    cat "$out.log" >&2
    return 1
  fi
  # shellcheck disable=SC2034  # read by the scripts that source this file
  EMULATOR_URL=$("$py" -c 'import json, sys; print(json.loads(open(sys.argv[1]).readline())["url"])' "$out.json")
  # shellcheck disable=SC2034  # read by the scripts that source this file
  EMULATOR_KEY=$("$py" -c 'import json, sys; print(json.loads(open(sys.argv[1]).readline())["admin_key"])' "$out.json")
}

stop_emulator() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

cpu_seconds() {
  # utime, stime, cutime, cstime: fields 14 to 17 of /proc/PID/stat (after the "(comm)" field).
  # Without PID, this shell's own ($BASHPID: in $(...), the subshell's, so pass $$ there).
  local stat
  read -r stat <"/proc/${1:-$BASHPID}/stat"
  stat=${stat##*) }
  awk -v ticks="$(getconf CLK_TCK)" '{printf "%d\n", ($12 + $13 + $14 + $15) / ticks}' <<<"$stat"
}
