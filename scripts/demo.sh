#!/usr/bin/env bash
# `make demo`: run playbooks/demo.yml against a local CockroachDB Cloud API emulator.
#
# From nothing: builds .venv (scripts/test.sh setup; quick when it exists), makes a
# temporary collections path holding this checkout as cockroachdb.cloud, starts the emulator
# (clusters take 2 s to leave CREATING, so the wait shows), runs the playbook with
# COCKROACH_API_KEY and COCKROACH_SERVER pointing at it, stops the emulator, and exits with
# the playbook's status. Extra arguments go to ansible-playbook (e.g. -v, --diff, --check).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
PY="$ROOT/.venv/bin/python"

echo "== Preparing .venv (scripts/test.sh setup; about a minute the first time)"
setup_log=$(mktemp "${TMPDIR:-/tmp}/cockroachdb-cloud-demo-setup.XXXXXX")
if ! bash scripts/test.sh setup >"$setup_log" 2>&1; then
  cat "$setup_log" >&2
  rm -f "$setup_log"
  echo "make demo: could not set up .venv (output above)" >&2
  exit 1
fi
rm -f "$setup_log"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/cockroachdb-cloud-demo.XXXXXX")
EMULATOR_PID=""
cleanup() {
  if [[ -n "$EMULATOR_PID" ]]; then
    kill "$EMULATOR_PID" 2>/dev/null || true
    wait "$EMULATOR_PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT

# ansible-playbook (unlike ansible-test) accepts a symlink as the collection's directory.
mkdir -p "$TMP/collections/ansible_collections/cockroachdb"
ln -s "$ROOT" "$TMP/collections/ansible_collections/cockroachdb/cloud"

echo "== Starting the CockroachDB Cloud API emulator"
# The live service's wire format by default (DEMO_CONTRACT=contract for the project's contract).
"$PY" -m tests.emulator --port 0 --async-seconds 2 --contract "${DEMO_CONTRACT:-live}" \
  >"$TMP/emulator.json" 2>"$TMP/emulator.log" &
EMULATOR_PID=$!
for ((i = 0; i < 300; i++)); do
  if [[ $(wc -l <"$TMP/emulator.json") -ge 1 ]]; then break; fi
  if ! kill -0 "$EMULATOR_PID" 2>/dev/null; then
    EMULATOR_PID=""
    echo "make demo: the emulator did not start:" >&2
    cat "$TMP/emulator.log" >&2
    exit 1
  fi
  sleep 0.1
done
if [[ $(wc -l <"$TMP/emulator.json") -lt 1 ]]; then echo "make demo: the emulator printed nothing in 30 s" >&2; exit 1; fi
url=$("$PY" -c 'import json, sys; print(json.loads(sys.stdin.readline())["url"])' <"$TMP/emulator.json")
key=$("$PY" -c 'import json, sys; print(json.loads(sys.stdin.readline())["admin_key"])' <"$TMP/emulator.json")
echo "   $url (admin key ${key:0:12}...)"

echo "== ansible-playbook playbooks/demo.yml"
# The last command: the script exits with its status (the EXIT trap keeps it).
env COCKROACH_SERVER="$url" COCKROACH_API_KEY="$key" \
  ANSIBLE_COLLECTIONS_PATH="$TMP/collections" \
  ANSIBLE_LOCALHOST_WARNING=false ANSIBLE_INVENTORY_UNPARSED_WARNING=false \
  "$ROOT/.venv/bin/ansible-playbook" playbooks/demo.yml "$@"
