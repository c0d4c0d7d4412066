#!/usr/bin/env bash
# The API goes away in the middle of a playbook: the emulator (with --state-file) is killed
# with SIGKILL while the playbook waits for a new cluster, and started again on the same port
# from its state file. The waiting task polls on through the outage; a re-run converges (one
# cluster, its databases, users and allowlist once each) and the run after it changes nothing.
set -eu -o pipefail
cd "$(dirname "$0")"
ROOT="${ANSIBLE_COLLECTIONS_PATH%%:*}/ansible_collections/cockroachdb/cloud"
if [[ ! -f "$ROOT/playbooks/cluster_setup.yml" ]]; then ROOT=$(cd ../../../.. && pwd); fi
REPORT="$ROOT/tests/integration/targets/playbook_cluster_setup/check_report.py"
VERIFY="$ROOT/tests/integration/targets/chaos_standard_setup/verify.py"
# shellcheck source=../../emulator.sh
source "$ROOT/tests/integration/emulator.sh"
export ANSIBLE_NOCOLOR=1
OPTIONS=(--state-file "$WORK/state.json" --async-seconds 3 --test-controls)

start_emulator first "${OPTIONS[@]}"
export COCKROACH_SERVER=$EMULATOR_URL COCKROACH_API_KEY=$EMULATOR_KEY
PORT=${EMULATOR_URL##*:}

ansible-playbook "$ROOT/playbooks/cluster_setup.yml" -e setup_cluster=restart-a >"$WORK/first.out" 2>&1 &
PLAYBOOK=$!
# Until the cluster exists: then the playbook waits for it to leave CREATING (3 s).
for _ in $(seq 100); do
  if "$PY" -c 'import json, sys; sys.exit(0 if any(c["name"] == "restart-a" for c in json.load(open(sys.argv[1]))["clusters"].values()) else 1)' \
    "$WORK/state.json" 2>/dev/null; then break; fi
  sleep 0.1
done
kill -9 "${EMULATOR_PIDS[0]}"
echo "killed the emulator while the playbook waits for its cluster"
sleep 1
start_emulator second "${OPTIONS[@]}" --port "$PORT"
echo "started it again on port $PORT from its state file"
if ! wait "$PLAYBOOK"; then
  cat "$WORK/first.out" >&2
  echo "FAILED: the run that waited through the outage failed" >&2
  exit 1
fi
echo "the interrupted run went through: $(grep -c '^changed:' "$WORK/first.out") changed results"

ansible-playbook "$ROOT/playbooks/cluster_setup.yml" -e setup_cluster=restart-a >"$WORK/second.out" 2>&1 \
  || { cat "$WORK/second.out" >&2; echo "FAILED: the re-run after the restart did not converge" >&2; exit 1; }
echo "re-run after the restart: ok"
# The request log from here on: the next run's only.
"$PY" -c 'import json, sys, urllib.request; print(max([e["seq"] for e in json.load(urllib.request.urlopen(sys.argv[1] + "/_emulator/requests"))["requests"]] or [0]))' \
  "$COCKROACH_SERVER" >"$WORK/mark"
ansible-playbook "$ROOT/playbooks/cluster_setup.yml" -e setup_cluster=restart-a >"$WORK/third.out" 2>&1 || true
"$PY" "$REPORT" "$WORK/third.out" "$COCKROACH_SERVER" "$WORK/mark" --changed none --mutations 0
"$PY" "$VERIFY" "after the restart" "$COCKROACH_SERVER" restart-a
