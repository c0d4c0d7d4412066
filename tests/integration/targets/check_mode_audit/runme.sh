#!/usr/bin/env bash
# Check mode, audited: the cases of every managing module (in_process_parity's, then the
# targets' check_mode_audit.yml), each run in check mode and then for real, on an emulator that the cases
# populate as they go. In check mode no changing request may be sent, and the predicted
# `changed` (and outcome) must be the real run's.
set -eu -o pipefail
cd "$(dirname "$0")"
HERE=$PWD
ROOT="${ANSIBLE_COLLECTIONS_PATH%%:*}/ansible_collections/cockroachdb/cloud"
if [[ ! -d "$ROOT/tests/emulator" ]]; then ROOT=$(cd ../../../.. && pwd); fi
# shellcheck source=../../emulator.sh
source "$ROOT/tests/integration/emulator.sh"

PARITY="$ROOT/tests/integration/targets/in_process_parity"
cp "$PARITY/deletes.yml" "$WORK/"
"$PY" "$HERE/audit_playbook.py" "$PARITY/cases.yml" "$ROOT/tests/integration/targets" "$WORK/audit.yml"
start_emulator audit --test-controls --validate-responses --async-seconds 1
PARITY_URL=$EMULATOR_URL PARITY_KEY=$EMULATOR_KEY AUDIT_URL=$EMULATOR_URL AUDIT_OUT="$WORK/results.json" \
  ANSIBLE_CALLBACK_PLUGINS="$HERE/callback_plugins" ANSIBLE_CALLBACKS_ENABLED=audit_recorder \
  ansible-playbook "$WORK/audit.yml" >"$WORK/audit.out" 2>&1 || { cat "$WORK/audit.out" >&2; exit 1; }
"$PY" "$HERE/compare.py" "$WORK/results.json" "$ROOT/plugins/modules"
