#!/usr/bin/env bash
# Progress on long waits: an in-process task tells every COCKROACH_PROGRESS_INTERVAL seconds
# what it waits for; a module task, and ANSIBLE_DISPLAY_OK_HOSTS=false, stay quiet.
set -eu -o pipefail
cd "$(dirname "$0")"
ROOT="${ANSIBLE_COLLECTIONS_PATH%%:*}/ansible_collections/cockroachdb/cloud"
if [[ ! -d "$ROOT/tests/emulator" ]]; then ROOT=$(cd ../../../.. && pwd); fi
# shellcheck disable=SC2034  # used by start_emulator (tests/integration/emulator.sh)
# shellcheck source=../../emulator.sh
source "$ROOT/tests/integration/emulator.sh"
# Clusters stay CREATING for 4 s.
start_emulator emulator --validate-responses --async-seconds 4
export PROGRESS_URL=$EMULATOR_URL PROGRESS_KEY=$EMULATOR_KEY COCKROACH_PROGRESS_INTERVAL=1

ansible-playbook create.yml -e cluster_name=progress-a >"$WORK/in_process.out"
grep -E "still waiting for cluster progress-a to leave state CREATING, now CREATING \[[0-9] s elapsed of 60 min\]" \
  "$WORK/in_process.out" >/dev/null || { echo "no progress line in-process:" >&2; cat "$WORK/in_process.out" >&2; exit 1; }
echo "in-process: $(grep -c 'still waiting' "$WORK/in_process.out") progress lines"

COCKROACH_IN_PROCESS=false ansible-playbook create.yml -e cluster_name=progress-b >"$WORK/module.out"
if grep -q "still waiting" "$WORK/module.out"; then echo "a module task printed progress" >&2; exit 1; fi
ANSIBLE_DISPLAY_OK_HOSTS=false ansible-playbook create.yml -e cluster_name=progress-c >"$WORK/quiet.out"
if grep -q "still waiting" "$WORK/quiet.out"; then echo "progress printed with ANSIBLE_DISPLAY_OK_HOSTS=false" >&2; exit 1; fi
echo "as a module, and with ANSIBLE_DISPLAY_OK_HOSTS=false: no progress line"
