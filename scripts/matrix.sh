#!/usr/bin/env bash
# The version matrix: the collection with every other ansible-core release it supports, each
# on a Python that release supports (pyenv's interpreters on this machine), checking on each
# release what can differ between releases. The `matrix` stage of scripts/test.sh; on its own:
# `bash scripts/matrix.sh [CORE...]` (from the repository root, with .venv built).
#
#   every release:  the unit tests of what ansible-core runs for us (the action plugin and
#                   the in-process runner, the inventory and the lookup, every module's
#                   EXAMPLES through its argument spec), and playbooks/cluster_setup.yml
#                   against an emulator: applied in-process, then re-run as modules (no change)
#   oldest, newest: every module unit test too (bad input: ansible-core's argument checks and
#                   their messages); the oldest also the module_utils unit tests on its Python
#                   (3.10, the oldest the controller tests run on)
#   newest:         ansible-test sanity
#
# The main suite covers ansible-core 2.19 on Python 3.11 (.venv) with every test. Each
# release gets a virtualenv holding exactly lock/matrix-<core>.txt under .venv-matrix/ (kept
# between runs, rebuilt when its lock changes) and a copy of the collection; MATRIX_LANES
# (default 2) releases run at a time.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
# The releases, each with the Python it runs on here (MATRIX_PYTHON, MATRIX_ORDER, MATRIX_OLDEST, MATRIX_NEWEST).
# shellcheck source=scripts/releases.sh
source scripts/releases.sh
MAIN_PY="$ROOT/.venv/bin/python"
RELEASES=("$@")
[[ ${#RELEASES[@]} -gt 0 ]] || RELEASES=("${MATRIX_ORDER[@]}")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cockroachdb-cloud-matrix.XXXXXX")
EMULATOR_PID=""
cleanup() {
  if [[ -n "$EMULATOR_PID" ]]; then stop_emulator "$EMULATOR_PID"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
[[ -n "${MATRIX_KEEP:-}" ]] && trap - EXIT

# unit_targets CORE: what the release runs of tests/unit (ansible-test units targets).
unit_targets() {
  local core=$1
  echo tests/unit/plugins/plugin_utils/ tests/unit/plugins/inventory/ tests/unit/plugins/lookup/
  if [[ "$core" == "$MATRIX_OLDEST" || "$core" == "$MATRIX_NEWEST" ]]; then
    echo tests/unit/plugins/modules/
  else
    echo tests/unit/plugins/modules/test_examples.py
  fi
  if [[ "$core" == "$MATRIX_OLDEST" ]]; then
    echo tests/unit/plugins/module_utils/
  else
    echo tests/unit/plugins/module_utils/_kit/test_runner.py
  fi
}

interpreter() {  # the real pyenv interpreter of Python X.Y, or python3.X on PATH
  local p
  for p in /root/.pyenv/versions/"$1".*/bin/python"$1"; do [[ -x "$p" ]] && { echo "$p"; return; }; done
  command -v "python$1" || true
}

venv_for() {  # venv_for CORE: a virtualenv with exactly lock/matrix-CORE.txt (that ansible-core and what the tests need)
  local core=$1 py venv
  py=$(interpreter "${MATRIX_PYTHON[$core]}")
  venv="$ROOT/.venv-matrix/$core"
  if [[ -z "$py" ]]; then echo ""; return; fi
  bash "$ROOT/scripts/venv.sh" "$venv" "$py" "$ROOT/lock/matrix-$core.txt" >&2 || return 1
  echo "$venv"
}

# One emulator for the playbook runs (the main venv has its requirements).
launch_emulator "$MAIN_PY" "$WORK/emulator" --async-seconds 1 --validate-responses
URL=$EMULATOR_URL
KEY=$EMULATOR_KEY

# run_release CORE: its checks, in $WORK/CORE/ (log.txt; summary.txt once they passed).
run_release() {
  local core=$1 start=$SECONDS venv pyver version bin out units extra="" targets
  local dir="$WORK/$core" coll="$WORK/$core/ansible_collections/cockroachdb/cloud"
  venv=$(venv_for "$core")
  if [[ -z "$venv" ]]; then
    echo "ansible-core $core: SKIPPED (no Python ${MATRIX_PYTHON[$core]} on this machine)" >"$dir/summary.txt"
    return 0
  fi
  copy_tree "$dir"
  pyver=${MATRIX_PYTHON[$core]}
  version=$("$venv/bin/python" -c 'import ansible.release as r; print("ansible-core " + r.__version__)')
  bin="$dir/bin"
  mkdir -p "$bin"
  ln -sf "$(interpreter "$pyver")" "$bin/python$pyver"
  read -r -a targets <<<"$(unit_targets "$core" | tr '\n' ' ')"
  (cd "$coll" && PATH="$bin:$venv/bin:$PATH" ansible-test units --local --python "$pyver" --color no "${targets[@]}" \
    >"$dir/units.log" 2>&1) || { tail -50 "$dir/units.log"; echo "units failed with $version"; return 1; }
  units=$(grep -ohE "[0-9]+ passed" "$dir/units.log" | awk '{s += $1} END {print s}')
  if [[ "$core" == "$MATRIX_NEWEST" ]]; then
    (cd "$coll" && PATH="$bin:$venv/bin:$PATH" ansible-test sanity --local --python "$pyver" --color no >"$dir/sanity.log" 2>&1) \
      || { grep -E "^ERROR" "$dir/sanity.log" | head -40; echo "sanity failed with $version"; return 1; }
    extra=", sanity"
  fi
  for mode in true false; do
    out="$dir/smoke-$mode.out"
    env COCKROACH_SERVER="$URL" COCKROACH_API_KEY="$KEY" COCKROACH_IN_PROCESS=$mode ANSIBLE_COLLECTIONS_PATH="$dir" \
      ANSIBLE_LOCALHOST_WARNING=false ANSIBLE_INVENTORY_UNPARSED_WARNING=false \
      "$venv/bin/ansible-playbook" "$coll/playbooks/cluster_setup.yml" -e "setup_cluster=matrix-${core/./-}" >"$out" 2>&1 \
      || { tail -40 "$out"; echo "the smoke playbook failed with $version"; return 1; }
  done
  # The second run (as modules) changes nothing.
  grep -qE "localhost +: ok=4 +changed=0 .*failed=0" "$dir/smoke-false.out" \
    || { tail -20 "$dir/smoke-false.out"; echo "the re-run changed something with $version"; return 1; }
  echo "$version, Python $pyver: $units unit tests, playbook applied in-process and re-run as modules (changed=0)$extra ($((SECONDS - start)) s)" \
    >"$dir/summary.txt"
}

# The releases side by side, MATRIX_LANES at a time (default 2: much of a release's time is
# process starts and waits, not CPU). Each prints its log once it is done.
LANES=${MATRIX_LANES:-2}
matrix_start=$SECONDS
lane_pids=()
running() {  # how many of the releases started are still running
  local pid count=0
  for pid in "${lane_pids[@]}"; do if kill -0 "$pid" 2>/dev/null; then count=$((count + 1)); fi; done
  echo "$count"
}
for core in "${RELEASES[@]}"; do
  # (not `jobs`: the emulator is a background job too)
  while [[ $(running) -ge $LANES ]]; do sleep 1; done
  mkdir -p "$WORK/$core"
  echo "=== ansible-core $core, Python ${MATRIX_PYTHON[$core]}: started"
  ({ run_release "$core" || echo "FAILED: ansible-core $core"; } >"$WORK/$core/log.txt" 2>&1; cat "$WORK/$core/log.txt") &
  lane_pids+=($!)
done
for pid in "${lane_pids[@]}"; do wait "$pid" || true; done
status=0
printf '\n'
for core in "${RELEASES[@]}"; do
  if [[ -f "$WORK/$core/summary.txt" ]]; then
    echo "  $(cat "$WORK/$core/summary.txt")"
  else
    echo "  ansible-core $core: FAILED (its log is above)"
    status=1
  fi
done
echo "  the matrix took $((SECONDS - matrix_start)) s with $LANES lanes"
[[ $status -eq 0 ]]  # the script's status (an `exit` here would hide the EXIT trap from shellcheck)
