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
# shellcheck source=../../emulator.sh
source "$ROOT/tests/integration/emulator.sh"
finish() {
  stop_emulators
  rm -rf "$WORK"
}
trap finish EXIT

start_emulator emulator --test-controls --validate-responses --async-seconds 1
URL=$EMULATOR_URL
KEY=$EMULATOR_KEY
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
