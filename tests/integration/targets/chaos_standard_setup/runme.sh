#!/usr/bin/env bash
# The standard setup (playbooks/cluster_setup.yml) for 3 clusters under 30% injected faults of
# every kind, before the change and after it (503, 502, drop, 429, 502-after, drop-after), with
# fixed seeds: no task fails, nothing is made twice, and a re-run under the same faults changes
# nothing. Twice at once: without latency, and with 200 ms per request.
# (Clusters are ready at once, so the requests and their faults come in the same order on
# every run: a seed gives the same faults every time.)
set -eu -o pipefail
cd "$(dirname "$0")"
HERE=$PWD
ROOT="${ANSIBLE_COLLECTIONS_PATH%%:*}/ansible_collections/cockroachdb/cloud"
if [[ ! -f "$ROOT/playbooks/cluster_setup.yml" ]]; then ROOT=$(cd ../../../.. && pwd); fi
REPORT="$ROOT/tests/integration/targets/playbook_cluster_setup/check_report.py"
# shellcheck source=../../emulator.sh
source "$ROOT/tests/integration/emulator.sh"
export ANSIBLE_NOCOLOR=1
FAULTS=(--fault-rate 0.3 --fault-kinds "503,502,drop,429,502-after,drop-after" --rate-limit 0 --test-controls)
CLUSTERS=(chaos-a chaos-b chaos-c)

converge() {  # converge NAME URL KEY: apply to each cluster, then apply again; checks each run
  local name=$1 url=$2 key=$3 run cluster expect
  for run in apply again; do
    expect=(--changed all)
    if [[ $run == again ]]; then expect=(--changed none --mutations 0); fi
    for cluster in "${CLUSTERS[@]}"; do
      COCKROACH_SERVER=$url COCKROACH_API_KEY=$key ansible-playbook "$ROOT/playbooks/cluster_setup.yml" \
        -e "setup_cluster=$cluster" >"$WORK/$name-$run-$cluster.out" 2>&1 || true
      "$PY" "$REPORT" "$WORK/$name-$run-$cluster.out" "$url" "$WORK/$name.mark" "${expect[@]}" | sed "s/^/$name: /"
    done
  done
}

start_emulator plain --fault-seed 11 "${FAULTS[@]}"
PLAIN=("$EMULATOR_URL" "$EMULATOR_KEY")
start_emulator slow --fault-seed 12 --latency-ms 200 "${FAULTS[@]}"
SLOW=("$EMULATOR_URL" "$EMULATOR_KEY")

SECONDS=0
converge plain "${PLAIN[@]}" &
plain_pid=$!
converge slow "${SLOW[@]}" &
slow_pid=$!
status=0
wait "$plain_pid" || status=1
wait "$slow_pid" || status=1
echo "both converged in ${SECONDS} s"
"$PY" "$HERE/verify.py" plain "${PLAIN[0]}" "${CLUSTERS[@]}" || status=1
"$PY" "$HERE/verify.py" "slow (200 ms)" "${SLOW[0]}" "${CLUSTERS[@]}" || status=1
exit "$status"
