#!/usr/bin/env bash
# playbooks/observability_backups.yml as users run it: `--check --diff` on an organization
# where nothing exists yet (a fresh, empty emulator of its own), then for real, then again.
#   --check --diff  every task changed (predicted), none failed, 0 mutating requests
#   apply           every task changed, none failed
#   re-run          no task changed, 0 mutating requests, 12 requests
#   (apply and re-run name their tasks as the --check run does: --names-as)
# The report checks are playbook_cluster_setup's (check_report.py).
set -eu -o pipefail
cd "$(dirname "$0")"
PLAYBOOK=observability_backups
# The collection: ansible-test runs this script from a copy of the target, outside it.
ROOT="${ANSIBLE_COLLECTIONS_PATH%%:*}/ansible_collections/cockroachdb/cloud"
if [[ ! -f "$ROOT/playbooks/$PLAYBOOK.yml" ]]; then ROOT=$(cd ../../../.. && pwd); fi
# shellcheck source=../../playbook_target.sh
source "$ROOT/tests/integration/playbook_target.sh"
export DATADOG_API_KEY=dd0123456789abcdef0123456789wxyz

run check --check --diff
"$PY" "$REPORT" "$WORK/check.out" "$URL" "$WORK/mark" --changed all --mutations 0 \
  --warning "no cluster named 'obs-cluster' among 0 clusters; in check mode this task predicts"
if grep -q "$DATADOG_API_KEY" "$WORK/check.out"; then echo "FAILED: the Datadog key shows in the output" >&2; exit 1; fi
run apply --diff
"$PY" "$REPORT" "$WORK/apply.out" "$URL" "$WORK/mark" --changed all --names-as "$WORK/check.out"
if grep -q "$DATADOG_API_KEY" "$WORK/apply.out"; then echo "FAILED: the Datadog key shows in the output" >&2; exit 1; fi
run again
# A no-op costs 12 requests: the clusters' listing; the cluster and the setting for the log
# export and each of the three metric exports; the backup configuration, the window, the policy.
"$PY" "$REPORT" "$WORK/again.out" "$URL" "$WORK/mark" --changed none --names-as "$WORK/check.out" --mutations 0 --requests 12
