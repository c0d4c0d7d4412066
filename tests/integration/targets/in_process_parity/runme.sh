#!/usr/bin/env bash
# The same cases of every module, run as modules (AnsiballZ) and in-process (the action
# plugin), each against a fresh emulator of its own: the results (normalised) and the API
# requests must be the same.
set -eu -o pipefail
cd "$(dirname "$0")"
HERE=$PWD
ROOT="${ANSIBLE_COLLECTIONS_PATH%%:*}/ansible_collections/cockroachdb/cloud"
if [[ ! -d "$ROOT/tests/emulator" ]]; then ROOT=$(cd ../../../.. && pwd); fi
# shellcheck source=../../emulator.sh
source "$ROOT/tests/integration/emulator.sh"

run_cases() {  # run_cases NAME IN_PROCESS: results in $WORK/NAME.results.json, requests in NAME.requests.json
  local url key
  start_emulator "$1" --test-controls --validate-responses --async-seconds 1
  url=$EMULATOR_URL
  key=$EMULATOR_KEY
  PARITY_URL=$url PARITY_KEY=$key PARITY_OUT="$WORK/$1.results.json" COCKROACH_IN_PROCESS=$2 \
    ANSIBLE_CALLBACK_PLUGINS="$HERE/callback_plugins" ANSIBLE_CALLBACKS_ENABLED=parity_recorder \
    ansible-playbook -vvv "$HERE/cases.yml" >"$WORK/$1.out" 2>&1 || { cat "$WORK/$1.out" >&2; return 1; }
  "$PY" -c 'import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1] + "/_emulator/requests").read().decode())' \
    "$url" >"$WORK/$1.requests.json"
}

SECONDS=0
run_cases modules false
echo "as modules: ${SECONDS} s"
SECONDS=0
run_cases in_process true
echo "in-process: ${SECONDS} s"
# Each executor ran as it should (-vvv shows every module payload put in place): a module
# that did not run through the action plugin would run as a module both times, and compare equal.
in_process_modules=$(grep -c "AnsiballZ_cockroach_" "$WORK/in_process.out" || true)
module_payloads=$(grep -c "AnsiballZ_cockroach_" "$WORK/modules.out" || true)
if [[ $in_process_modules -ne 0 || $module_payloads -eq 0 ]]; then
  grep "AnsiballZ_cockroach_" "$WORK/in_process.out" | head -5 >&2
  echo "FAILED: $in_process_modules module payloads in-process (want 0), $module_payloads as modules (want some)" >&2
  exit 1
fi
"$PY" "$HERE/compare.py" "$WORK/modules.results.json" "$WORK/in_process.results.json" \
  "$WORK/modules.requests.json" "$WORK/in_process.requests.json"
