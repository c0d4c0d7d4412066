#!/usr/bin/env bash
# Progress on long waits: an in-process task tells every COCKROACH_PROGRESS_INTERVAL seconds
# what it waits for; a module task, and ANSIBLE_DISPLAY_OK_HOSTS=false, stay quiet.
set -eu -o pipefail
cd "$(dirname "$0")"
ROOT="${ANSIBLE_COLLECTIONS_PATH%%:*}/ansible_collections/cockroachdb/cloud"
if [[ ! -d "$ROOT/tests/emulator" ]]; then ROOT=$(cd ../../../.. && pwd); fi
PY=${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}
WORK=$(mktemp -d)
PID=""
finish() {
  if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap finish EXIT
# Clusters stay CREATING for 4 s.
(cd "$ROOT" && "$PY" -m tests.emulator --port 0 --validate-responses --async-seconds 4 >"$WORK/emulator.json" 2>"$WORK/emulator.log") &
PID=$!
for _ in $(seq 300); do [[ $(wc -l <"$WORK/emulator.json") -ge 1 ]] && break; sleep 0.1; done
export PROGRESS_URL PROGRESS_KEY COCKROACH_PROGRESS_INTERVAL=1
PROGRESS_URL=$("$PY" -c 'import json, sys; print(json.loads(open(sys.argv[1]).readline())["url"])' "$WORK/emulator.json")
PROGRESS_KEY=$("$PY" -c 'import json, sys; print(json.loads(open(sys.argv[1]).readline())["admin_key"])' "$WORK/emulator.json")

ansible-playbook create.yml -e cluster_name=progress-a >"$WORK/in_process.out"
grep -E "still waiting for cluster progress-a to leave state CREATING, now CREATING \[[0-9] s elapsed of 60 min 0 s\]" \
  "$WORK/in_process.out" >/dev/null || { echo "no progress line in-process:" >&2; cat "$WORK/in_process.out" >&2; exit 1; }
echo "in-process: $(grep -c 'still waiting' "$WORK/in_process.out") progress lines"

COCKROACH_IN_PROCESS=false ansible-playbook create.yml -e cluster_name=progress-b >"$WORK/module.out"
if grep -q "still waiting" "$WORK/module.out"; then echo "a module task printed progress" >&2; exit 1; fi
ANSIBLE_DISPLAY_OK_HOSTS=false ansible-playbook create.yml -e cluster_name=progress-c >"$WORK/quiet.out"
if grep -q "still waiting" "$WORK/quiet.out"; then echo "progress printed with ANSIBLE_DISPLAY_OK_HOSTS=false" >&2; exit 1; fi
echo "as a module, and with ANSIBLE_DISPLAY_OK_HOSTS=false: no progress line"
