#!/usr/bin/env bash
# The cockroachdb.cloud.clusters inventory plugin with ansible-inventory and ansible-playbook,
# against the emulator that scripts/test.sh starts and shares between all targets (see
# tests/integration/README.md). This run seeds 1,203 clusters with its own name prefix
# (it-inv-<hex>), so that the listing takes several pages of 500, puts three of them in a
# folder tree, and deletes all it made when it ends, whatever happens.
set -eu -o pipefail
cd "$(dirname "$0")"

PY=${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}
CONFIG=../../integration_config.yml  # written by scripts/test.sh
if [[ ! -f $CONFIG ]]; then
  echo "$CONFIG is missing: run the targets with scripts/test.sh integration" >&2
  exit 1
fi
eval "$("$PY" emulator.py env "$CONFIG")"
export COCKROACH_SERVER="$URL" COCKROACH_API_KEY="$KEY"
# A source that fails makes ansible-inventory fail (by default it only warns and goes on).
export ANSIBLE_INVENTORY_UNPARSED_FAILED=true

WORK=$(mktemp -d)
STATE="$WORK/state.json"
PREFIX="it-inv-$(od -An -N2 -tx1 /dev/urandom | tr -d ' \n')"
GROUP="folder_${PREFIX//-/_}"
finish() {
  "$PY" emulator.py cleanup "$STATE" || true
  rm -rf "$WORK"
}
trap finish EXIT

step() { printf '\n=== [%3ds] %s\n' "$SECONDS" "$*"; }
# expect_failure <text the error must hold> <command...>: the command fails with the text
# in its error output, and without a traceback.
expect_failure() {
  local text=$1 err="$WORK/err.$BASHPID" rc=0
  shift
  "$@" >/dev/null 2>"$err" || rc=$?
  if [[ $rc -eq 0 ]]; then echo "should have failed: $*" >&2; exit 1; fi
  if ! grep -qF -- "$text" "$err"; then echo "expected '$text' in:" >&2; cat "$err" >&2; exit 1; fi
  if grep -q Traceback "$err"; then echo "a traceback:" >&2; cat "$err" >&2; exit 1; fi
  echo "failed as expected (exit $rc): $(grep -F -m1 -- "$text" "$err")"
}

# Meanwhile (it touches no emulator): an unreachable API. A refused connection is retried
# once, after half a second, then fails.
printf 'plugin: cockroachdb.cloud.clusters\napi_url: http://127.0.0.1:9\nrequest_timeout: 2\n' >"$WORK/down.cockroach.yml"
(
  trap - EXIT
  expect_failure "cannot reach http://127.0.0.1:9: connection refused (gave up after 2 attempts" \
    ansible-inventory -i "$WORK/down.cockroach.yml" --list
) >"$WORK/unreachable.log" 2>&1 &
UNREACHABLE=$!

step "Seed $PREFIX: 1,200 serverless GCP and 3 dedicated AWS clusters, a folder tree"
"$PY" emulator.py setup "$STATE" "$PREFIX"

# The connection options are templates here (the next sources use the environment).
cat >"$WORK/all.cockroach.yml" <<YAML
plugin: cockroachdb.cloud.clusters
api_url: "{{ lookup('ansible.builtin.env', 'IT_INV_URL') }}"
api_key: "{{ lookup('ansible.builtin.env', 'IT_INV_KEY') }}"
groups:
  big: node_count >= 3
keyed_groups:
  - key: labels.team
    prefix: team
compose:
  team_name: labels.team | default('none')
YAML

step "ansible-inventory --list: every page of clusters at 500, one folder listing"
MARK=$("$PY" emulator.py mark)
env -u COCKROACH_SERVER -u COCKROACH_API_KEY IT_INV_URL="$URL" IT_INV_KEY="$KEY" \
  ansible-inventory -i "$WORK/all.cockroach.yml" --list >"$WORK/list.json"
"$PY" emulator.py expect-requests "$MARK" "$WORK/list.json" 1
"$PY" emulator.py check-list "$STATE" "$WORK/list.json"

step "ansible-inventory --graph of the clusters under the folder /$PREFIX: nested folder groups"
cat >"$WORK/folder.cockroach.yml" <<YAML
plugin: cockroachdb.cloud.clusters
folder: /$PREFIX
YAML
ansible-inventory -i "$WORK/folder.cockroach.yml" --graph >"$WORK/graph.txt"
"$PY" emulator.py check-graph "$STATE" "$WORK/graph.txt"

step "A playbook that targets the group $GROUP (tasks run on the controller, with its Python)"
# No interpreter is set anywhere: interpreter discovery would pick a Python without requests
# (or a pyenv shim that fails); the plugin's group variable makes the hosts use Ansible's own.
env -u ANSIBLE_PYTHON_INTERPRETER ansible-playbook -i "$WORK/folder.cockroach.yml" target_group.yml \
  -e "target_group=$GROUP" "$@"

step "Cache: the second run within cache_timeout sends no request"
cat >"$WORK/cached.cockroach.yml" <<YAML
plugin: cockroachdb.cloud.clusters
plans: [dedicated]
cache: true
cache_plugin: ansible.builtin.jsonfile
cache_connection: $WORK/cache
cache_timeout: 600
YAML
MARK=$("$PY" emulator.py mark)
ansible-inventory -i "$WORK/cached.cockroach.yml" --list >"$WORK/cached1.json"
"$PY" emulator.py expect-requests "$MARK" "$WORK/list.json" 1
MARK=$("$PY" emulator.py mark)
ansible-inventory -i "$WORK/cached.cockroach.yml" --list >"$WORK/cached2.json"
"$PY" emulator.py expect-requests "$MARK" none 0
cmp "$WORK/cached1.json" "$WORK/cached2.json"
MARK=$("$PY" emulator.py mark)
ansible-inventory -i "$WORK/cached.cockroach.yml" --list --flush-cache >/dev/null
"$PY" emulator.py expect-requests "$MARK" "$WORK/list.json" 1

step "Bad input: a wrong API key"
printf 'plugin: cockroachdb.cloud.clusters\n' >"$WORK/env.cockroach.yml"
expect_failure "GET /api/v1/clusters failed with HTTP 401" \
  env COCKROACH_API_KEY="CCDB1_aaaaaaaaaaaaaaaaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" \
  ansible-inventory -i "$WORK/env.cockroach.yml" --list

step "Bad input: no API key at all"
expect_failure "no API key: set the api_key option or the COCKROACH_API_KEY environment variable" \
  env -u COCKROACH_API_KEY ansible-inventory -i "$WORK/env.cockroach.yml" --list

step "Bad input: an unknown filter value fails before any request"
printf 'plugin: cockroachdb.cloud.clusters\nplans: [FOO]\n' >"$WORK/foo.cockroach.yml"
MARK=$("$PY" emulator.py mark)
expect_failure "unknown value 'FOO' in option plans; valid values are: BASIC, STANDARD, ADVANCED, SERVERLESS, DEDICATED" \
  ansible-inventory -i "$WORK/foo.cockroach.yml" --list
"$PY" emulator.py expect-requests "$MARK" none 0

step "Bad input: a folder that does not exist"
printf 'plugin: cockroachdb.cloud.clusters\nfolder: /%s/nope\n' "$PREFIX" >"$WORK/nofolder.cockroach.yml"
expect_failure "folder /$PREFIX/nope does not exist" ansible-inventory -i "$WORK/nofolder.cockroach.yml" --list

step "Bad input: an unreachable API (started in the background at the beginning)"
if ! wait "$UNREACHABLE"; then cat "$WORK/unreachable.log" >&2; exit 1; fi
cat "$WORK/unreachable.log"

step "A broken compose expression: skipped without strict, an error with strict"
cat >"$WORK/compose.cockroach.yml" <<YAML
plugin: cockroachdb.cloud.clusters
folder: /$PREFIX
compose:
  broken: no_such_variable.field
  fine: cluster_name | upper
YAML
ansible-inventory -i "$WORK/compose.cockroach.yml" --list >"$WORK/compose.json"
"$PY" - "$WORK/compose.json" <<'PYEOF'
import json, sys
hostvars = json.load(open(sys.argv[1]))["_meta"]["hostvars"]
assert len(hostvars) == 3, hostvars.keys()
for name, variables in hostvars.items():
    assert "broken" not in variables and "fine" in variables, (name, variables)
print("compose: 3 hosts, the broken variable skipped")
PYEOF
printf 'strict: true\n' >>"$WORK/compose.cockroach.yml"
expect_failure "Could not set broken" ansible-inventory -i "$WORK/compose.cockroach.yml" --list

step "Done"
