#!/usr/bin/env bash
# playbooks/cluster_setup.yml as users run it: `--check --diff` on an organization where
# nothing exists yet (a fresh, empty emulator of its own), then for real, then again.
#   --check --diff  every task changed (predicted), none failed, 0 mutating requests
#   apply           every task changed, none failed
#   re-run          no task changed, 0 mutating requests
#   (apply and re-run name their tasks as the --check run does: --names-as)
set -eu -o pipefail
cd "$(dirname "$0")"
PLAYBOOK=cluster_setup
# The collection: ansible-test runs this script from a copy of the target, outside it.
ROOT="${ANSIBLE_COLLECTIONS_PATH%%:*}/ansible_collections/cockroachdb/cloud"
if [[ ! -f "$ROOT/playbooks/$PLAYBOOK.yml" ]]; then ROOT=$(cd ../../../.. && pwd); fi
# shellcheck source=../../playbook_target.sh
source "$ROOT/tests/integration/playbook_target.sh"

run check --check --diff
"$PY" "$REPORT" "$WORK/check.out" "$URL" "$WORK/mark" --changed all --mutations 0 \
  --warning "no cluster named 'setup-cluster' among 0 clusters; in check mode this task predicts"
run apply
"$PY" "$REPORT" "$WORK/apply.out" "$URL" "$WORK/mark" --changed all --names-as "$WORK/check.out"
run again
# A no-op costs 4 requests: the clusters' listing, then the databases', the users', the allowlist's.
"$PY" "$REPORT" "$WORK/again.out" "$URL" "$WORK/mark" --changed none --names-as "$WORK/check.out" --mutations 0 --requests 4
