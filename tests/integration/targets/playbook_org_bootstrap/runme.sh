#!/usr/bin/env bash
# playbooks/org_bootstrap.yml as users run it: `--check --diff` on an organization where
# nothing exists yet (a fresh, empty emulator of its own), then for real (with -vvv), then
# again; and the promise about the API key's secret: written once to its file (mode 0600),
# never in the output, at any verbosity, run in-process or as a module, nor in the
# inventory's cache.
#   --check --diff  every task changed (predicted), none failed, 0 mutating requests
#   apply -vvv      every task changed, none failed; the secret file is there, 0600
#   re-run          no task changed, 0 mutating requests, 15 requests
#   (apply and re-run name their tasks as the --check run does: --names-as)
set -eu -o pipefail
cd "$(dirname "$0")"
PLAYBOOK=org_bootstrap
# The collection: ansible-test runs this script from a copy of the target, outside it.
ROOT="${ANSIBLE_COLLECTIONS_PATH%%:*}/ansible_collections/cockroachdb/cloud"
if [[ ! -f "$ROOT/playbooks/$PLAYBOOK.yml" ]]; then ROOT=$(cd ../../../.. && pwd); fi
# shellcheck source=../../playbook_target.sh
source "$ROOT/tests/integration/playbook_target.sh"
export COCKROACH_BOOTSTRAP_KEY_FILE="$WORK/keys/platform-deployer.key"

run check --check --diff
"$PY" "$REPORT" "$WORK/check.out" "$URL" "$WORK/mark" --changed all --mutations 0 \
  --warning "no service account named 'platform-deployer' among 1 service account; in check mode this task predicts"
[[ ! -e "$COCKROACH_BOOTSTRAP_KEY_FILE" ]] || fail "check mode wrote the key file"

run apply -vvv
"$PY" "$REPORT" "$WORK/apply.out" "$URL" "$WORK/mark" --changed all --names-as "$WORK/check.out"
[[ -f "$COCKROACH_BOOTSTRAP_KEY_FILE" ]] || fail "no key file"
[[ $(stat -c %a "$COCKROACH_BOOTSTRAP_KEY_FILE") == 600 ]] || fail "the key file's mode is $(stat -c %a "$COCKROACH_BOOTSTRAP_KEY_FILE")"
SECRET=$(cat "$COCKROACH_BOOTSTRAP_KEY_FILE")
[[ "$SECRET" == CCDB1_*_* ]] || fail "the key file does not hold a secret"
# The secret is nowhere in the -vvv output (the task's result is censored).
if grep -qF "$SECRET" "$WORK/apply.out"; then fail "the secret is in the -vvv output"; fi
grep -q "the output has been hidden due to the fact that 'no_log: true' was specified" "$WORK/apply.out" \
  || fail "the key task's output was not hidden"

run again
# A no-op costs 15 requests: the folders' listing (x2), the service accounts', the account's
# keys, its roles and the folders', and for each of 3 people: the email, their roles, the folders.
"$PY" "$REPORT" "$WORK/again.out" "$URL" "$WORK/mark" --changed none --names-as "$WORK/check.out" --mutations 0 --requests 15
[[ $(cat "$COCKROACH_BOOTSTRAP_KEY_FILE") == "$SECRET" ]] || fail "the re-run changed the key file"
# The written secret authenticates.
"$PY" -c 'import sys, urllib.request; urllib.request.urlopen(urllib.request.Request(sys.argv[1] + "/api/v1/organization", headers={"Authorization": "Bearer " + sys.argv[2]}), timeout=30)' \
  "$URL" "$SECRET" || fail "the written secret does not work"

# As a module (AnsiballZ) at -vvvv, the secret of another key stays out of the output too.
COCKROACH_IN_PROCESS=false ansible localhost -vvvv -m cockroachdb.cloud.cockroach_api_key \
  -a "service_account=platform-deployer name=module-mode-key secret_file=$WORK/keys/module.key" >"$WORK/module.out" 2>&1 \
  || { cat "$WORK/module.out" >&2; fail "the module-mode key task failed"; }
grep -q "runs as a module: COCKROACH_IN_PROCESS=false" "$WORK/module.out" || fail "the task did not run as a module"
MODULE_SECRET=$(cat "$WORK/keys/module.key")
[[ "$MODULE_SECRET" == CCDB1_*_* ]] || fail "no module-mode key file"
if grep -qF "$MODULE_SECRET" "$WORK/module.out"; then fail "the secret is in the module's -vvvv output"; fi

# The inventory plugin never sees a key's secret; its cache holds neither those nor the
# key it authenticates with.
mkdir -p "$WORK/inventory"
cat >"$WORK/inventory/org.cockroach.yml" <<YAML
plugin: cockroachdb.cloud.clusters
cache: true
cache_plugin: ansible.builtin.jsonfile
cache_connection: $WORK/cache
YAML
ansible-inventory -i "$WORK/inventory/org.cockroach.yml" --list >"$WORK/inventory.out" 2>&1 \
  || { cat "$WORK/inventory.out" >&2; fail "ansible-inventory failed"; }
[[ -n "$(ls -A "$WORK/cache")" ]] || fail "the inventory wrote no cache"
for secret in "$SECRET" "$MODULE_SECRET" "$KEY"; do
  if grep -rqF "$secret" "$WORK/cache" "$WORK/inventory.out"; then fail "a secret is in the inventory's cache or output"; fi
done
echo "org_bootstrap: check, apply, re-run, module mode and inventory cache passed; no secret in any output"
