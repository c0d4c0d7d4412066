#!/usr/bin/env bash
# The integration stage of scripts/test.sh: the targets of tests/integration/targets with
# `ansible-test integration`, in lanes that run side by side. Each lane has its own emulator
# and its own copy of the collection (with its tests/integration/integration_config.yml); the
# lanes take the targets from one queue, the longest first, one `ansible-test` per target. Then:
# the secrets scan over every lane's -vvvv log, the requests each emulator saw and, on a full
# run, the operation coverage over all of them. From the repository root, with .venv built:
#
#   scripts/test.sh integration                       # what make test runs
#   INTEGRATION_TARGETS="cockroach_cluster" scripts/test.sh integration
#
# INTEGRATION_CONTRACT (live, the default, or contract), INTEGRATION_LANES (default 2),
# INTEGRATION_EMULATOR_ARGS (more emulator options, e.g.
# "--rate-limit 0" to compare). The whole -vvvv output: tests/output/integration-vvvv.log.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
PY="$ROOT/.venv/bin/python"
PYVER=$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
LANES=${INTEGRATION_LANES:-2}
# The wire format of the emulators (the lanes' and those runme.sh targets start): live (the
# live service's document, strictly validated) unless INTEGRATION_CONTRACT says contract.
export EMULATOR_CONTRACT=${INTEGRATION_CONTRACT:-${EMULATOR_CONTRACT:-live}}
OUT="$ROOT/tests/output"
LOG="$OUT/integration-vvvv.log"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cockroachdb-cloud-integration.XXXXXX")
EMULATORS=()
# shellcheck disable=SC2329  # (the EXIT trap)
cleanup() {
  local pid
  for pid in "${EMULATORS[@]}"; do stop_emulator "$pid"; done
  rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$OUT" "$WORK/queue"

# The queue, longest first so that no long target starts last: the script targets (runme.sh:
# whole playbooks, emulators of their own), then the others, each by the size of its files.
ordered_targets() {
  local dir name kind
  for dir in tests/integration/targets/*/; do
    name=$(basename "$dir")
    case "$name" in setup_* | prepare_*) continue ;; esac
    if [[ -n "${INTEGRATION_TARGETS:-}" && " $INTEGRATION_TARGETS " != *" $name "* ]]; then continue; fi
    kind=1
    if [[ -f "$dir/runme.sh" ]]; then kind=0; fi
    printf '%s %012d %s\n' "$kind" "$((999999999 - $(du -sb "$dir" | cut -f1)))" "$name"
  done | sort | awk '{print $3}'
}
# The playbook targets run their playbooks against emulators of their own: in the contract's
# wire format too (queued again as <target>@contract), so that the same playbooks are shown to
# work unchanged against both.
with_contract_runs() {
  local target
  while read -r target; do
    echo "$target"
    if [[ $target == playbook_* && $EMULATOR_CONTRACT != contract ]]; then echo "$target@contract"; fi
  done
}
n=0
while read -r target; do
  n=$((n + 1))
  printf '%s\n' "$target" >"$WORK/queue/$(printf '%03d' "$n")"
done < <(ordered_targets | with_contract_runs)
if [[ $n -eq 0 ]]; then echo "no integration target matches '${INTEGRATION_TARGETS:-}'" >&2; exit 1; fi
if [[ $LANES -gt $n ]]; then LANES=$n; fi

# The next target of the queue, or nothing (status 1) when it is empty or a lane failed.
claim() {
  local lane=$1 entry
  for entry in "$WORK"/queue/*; do
    [[ -e "$WORK/failed" ]] && return 1
    if mv "$entry" "$WORK/lane$lane/claimed/" 2>/dev/null; then
      cat "$WORK/lane$lane/claimed/$(basename "$entry")"
      return 0
    fi
  done
  return 1
}

# What a target's -vvvv output shows in the console: the scripted targets' own summary lines.
SUMMARY_LINES='^([A-Za-z0-9_.() -]+: .*(passed|converged|requests|lines|results)|.* converged in |FAILED|ERROR: )'

run_lane() {  # run_lane N: targets from the queue until it is empty, against the lane's emulator
  local lane=$1 dir="$WORK/lane$1" coll target start rc
  coll="$dir/ansible_collections/cockroachdb/cloud"
  local entry contract
  while entry=$(claim "$lane"); do
    start=$SECONDS
    rc=0
    target=${entry%@*}
    contract=$EMULATOR_CONTRACT
    if [[ $entry == *@* ]]; then contract=${entry#*@}; fi
    sed -e "s|@CONTRACT@|$contract|g" "$dir/config.template" >"$coll/tests/integration/integration_config.yml"
    (cd "$coll" && ansible-test integration -vvvv --local --python "$PYVER" --color no "$target") \
      >"$dir/logs/$entry.log" 2>&1 || rc=$?
    echo "$entry" >>"$dir/order"
    grep -E "$SUMMARY_LINES" "$dir/logs/$entry.log" | sed 's/^/    /' || true
    if [[ $rc -ne 0 ]]; then
      echo "$entry" >>"$WORK/failed"
      echo "FAILED: $entry (lane $lane, $((SECONDS - start)) s); the last 300 lines of its output:"
      tail -n 300 "$dir/logs/$entry.log"
      return 1
    fi
    echo "passed: $entry (lane $lane, $((SECONDS - start)) s)"
  done
}

echo "$n targets in $LANES lanes, each with its own emulator ($EMULATOR_CONTRACT wire format)"
for ((lane = 1; lane <= LANES; lane++)); do
  dir="$WORK/lane$lane"
  mkdir -p "$dir/claimed" "$dir/logs"
  copy_tree "$dir"
  # shellcheck disable=SC2086  # INTEGRATION_EMULATOR_ARGS: options, split on purpose
  launch_emulator "$PY" "$dir/emulator" --test-controls --async-seconds 1 --validate-responses ${INTEGRATION_EMULATOR_ARGS:-}
  EMULATORS+=("$EMULATOR_PID")
  echo "$EMULATOR_URL" >"$dir/url"
  # (its @CONTRACT@ is filled in per target: ansible-test passes no environment variable on, so
  # the runme.sh targets read the wire format of their emulators from this file)
  sed -e "s|@URL@|$EMULATOR_URL|g" -e "s|@ADMIN_KEY@|$EMULATOR_KEY|g" tests/integration/integration_config.yml.template \
    >"$dir/config.template"
done
start=$SECONDS
lane_pids=()
for ((lane = 1; lane <= LANES; lane++)); do
  run_lane "$lane" &
  lane_pids+=($!)
  # The first ansible-test integration of a machine makes ~/.ansible/test/id_rsa; two at once
  # collide (the second's ssh-keygen asks "Overwrite (y/n)?" and fails). Let the first make it.
  if [[ $lane -eq 1 ]]; then
    for ((i = 0; i < 300; i++)); do
      if [[ -f "$HOME/.ansible/test/id_rsa.pub" ]] || ! kill -0 "${lane_pids[0]}" 2>/dev/null; then break; fi
      sleep 0.1
    done
  fi
done
rc=0
for pid in "${lane_pids[@]}"; do wait "$pid" || rc=1; done
echo "the targets took $((SECONDS - start)) s in $LANES lanes"

# One -vvvv log, lane after lane, each in the order its targets ran.
: >"$LOG"
urls=()
for ((lane = 1; lane <= LANES; lane++)); do
  dir="$WORK/lane$lane"
  urls+=("$(cat "$dir/url")")
  if [[ -f "$dir/order" ]]; then
    while read -r target; do cat "$dir/logs/$target.log" >>"$LOG"; done <"$dir/order"
  fi
done
# No secret any emulator handed out or received shows in that log, outside the tests' own tasks.
"$PY" tests/contract/secrets_scan.py "$LOG" "$(IFS=,; echo "${urls[*]}")" "$WORK/lane1/ansible_collections/cockroachdb/cloud" || rc=1
# What the targets sent, and how many 429 answers (rate limit) they met on the way.
"$PY" - "${urls[@]}" <<'PYEOF' || true
import json, sys, urllib.request
log = []
for url in sys.argv[1:]:
    with urllib.request.urlopen(url + "/_emulator/requests", timeout=30) as response:
        log += json.load(response)["requests"]
print("Emulators: %d API requests, %d mutating, %d answered 429 (rate limit)" % (
    len(log), sum(e["method"] not in ("GET", "HEAD") for e in log), sum(e["status"] == 429 for e in log)))
PYEOF
# Every operation is used by a plugin or planned in NOT_YET; only a full run shows all use.
if [[ -z "${INTEGRATION_TARGETS:-}" && $rc -eq 0 ]]; then
  "$PY" tests/contract/operation_coverage.py "${urls[@]}" || rc=1
fi
exit "$rc"
