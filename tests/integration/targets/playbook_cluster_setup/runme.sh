#!/usr/bin/env bash
# playbooks/cluster_setup.yml as users run it: `--check --diff` on an organization where
# nothing exists yet (a fresh, empty emulator of its own), then for real, then again.
#   --check --diff  every task changed (predicted), none failed, 0 mutating requests
#   apply           every task changed, none failed
#   re-run          no task changed, 0 mutating requests
set -eu -o pipefail
cd "$(dirname "$0")"
HERE=$PWD
# The collection: ansible-test runs this script from a copy of the target, outside it.
ROOT="${ANSIBLE_COLLECTIONS_PATH%%:*}/ansible_collections/cockroachdb/cloud"
if [[ ! -f "$ROOT/playbooks/cluster_setup.yml" ]]; then ROOT=$(cd ../../../.. && pwd); fi
PY=${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}
WORK=$(mktemp -d)
EMULATOR_PID=""
finish() {
  if [[ -n "$EMULATOR_PID" ]]; then kill "$EMULATOR_PID" 2>/dev/null || true; wait "$EMULATOR_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap finish EXIT

(cd "$ROOT" && "$PY" -m tests.emulator --port 0 --test-controls --validate-responses --async-seconds 1 >"$WORK/emulator.json" 2>"$WORK/emulator.log") &
EMULATOR_PID=$!
# It prints one JSON line (url, admin_key) once it listens.
for _ in $(seq 300); do [[ $(wc -l <"$WORK/emulator.json") -ge 1 ]] && break; sleep 0.1; done
if [[ $(wc -l <"$WORK/emulator.json") -lt 1 ]]; then echo "the emulator did not start:" >&2; cat "$WORK/emulator.log" >&2; exit 1; fi
URL=$("$PY" -c 'import json, sys; print(json.loads(open(sys.argv[1]).readline())["url"])' "$WORK/emulator.json")
KEY=$("$PY" -c 'import json, sys; print(json.loads(open(sys.argv[1]).readline())["admin_key"])' "$WORK/emulator.json")
export COCKROACH_SERVER="$URL" COCKROACH_API_KEY="$KEY"
export ANSIBLE_NOCOLOR=1

run() {  # run <name> [ansible-playbook options]: its output in $WORK/<name>.out
  local name=$1
  shift
  ansible-playbook "$ROOT/playbooks/cluster_setup.yml" "$@" >"$WORK/$name.out" 2>&1 || true
}

run check --check --diff
"$PY" "$HERE/check_report.py" "$WORK/check.out" "$URL" "$WORK/mark" --changed all --mutations 0 \
  --warning "no cluster named 'setup-cluster' among 0 clusters (show_inactive: false); in check mode this task predicts"
run apply
"$PY" "$HERE/check_report.py" "$WORK/apply.out" "$URL" "$WORK/mark" --changed all
run again
# A no-op costs 4 requests: the clusters' listing, then the databases', the users', the allowlist's.
"$PY" "$HERE/check_report.py" "$WORK/again.out" "$URL" "$WORK/mark" --changed none --mutations 0 --requests 4
