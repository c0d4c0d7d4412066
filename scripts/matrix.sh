#!/usr/bin/env bash
# The version matrix: the collection with every ansible-core release it supports, each on a
# Python that release supports (pyenv's interpreters on this machine). The `matrix` stage of
# scripts/test.sh; on its own: `bash scripts/matrix.sh [CORE...]` (from the repository root).
#
#   every release: ansible-test units, and playbooks/cluster_setup.yml against an emulator
#                  (apply in-process, then a re-run as modules that must change nothing)
#   the newest:    ansible-test sanity too
#
# Each release gets a virtualenv under .venv-matrix/ (kept between runs) and a copy of the
# collection; MATRIX_LANES (default 2) releases run at a time. The main suite covers
# ansible-core 2.19 on Python 3.11 (.venv).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
MAIN_PY="$ROOT/.venv/bin/python"
# ansible-core release -> the Python it runs on here (the newest it supports, 2.16 the oldest).
declare -A PYTHON=([2.16]=3.10 [2.17]=3.12 [2.18]=3.13 [2.20]=3.13 [2.21]=3.13)
ORDER=(2.16 2.17 2.18 2.20 2.21)
NEWEST=2.21
RELEASES=("$@")
[[ ${#RELEASES[@]} -gt 0 ]] || RELEASES=("${ORDER[@]}")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cockroachdb-cloud-matrix.XXXXXX")
EMULATOR_PID=""
cleanup() {
  if [[ -n "$EMULATOR_PID" ]]; then kill "$EMULATOR_PID" 2>/dev/null || true; wait "$EMULATOR_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
[[ -n "${MATRIX_KEEP:-}" ]] && trap - EXIT

interpreter() {  # the real pyenv interpreter of Python X.Y, or python3.X on PATH
  local p
  for p in /root/.pyenv/versions/"$1".*/bin/python"$1"; do [[ -x "$p" ]] && { echo "$p"; return; }; done
  command -v "python$1" || true
}

venv_for() {  # venv_for CORE: a virtualenv with that ansible-core and what the tests need
  local core=$1 py venv
  py=$(interpreter "${PYTHON[$core]}")
  venv="$ROOT/.venv-matrix/$core"
  if [[ -z "$py" ]]; then echo ""; return; fi
  if [[ ! -x "$venv/bin/python" ]]; then "$py" -m venv "$venv" >&2; fi
  "$venv/bin/python" -m pip install -q --disable-pip-version-check "ansible-core==$core.*" requests pytest \
    pytest-xdist flask waitress "openapi-core>=0.23" pyyaml >&2
  echo "$venv"
}

# A copy of the work tree as ansible_collections/cockroachdb/cloud (what git would see), one
# per release: the releases run side by side, and ansible-test writes into its copy.
copy_tree() {  # copy_tree DIR: the collection at DIR/ansible_collections/cockroachdb/cloud
  local coll="$1/ansible_collections/cockroachdb/cloud"
  mkdir -p "$coll"
  git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
    [[ -e "$f" ]] && printf '%s\0' "$f"; done | tar --null -T - -cf - | tar -C "$coll" -xf -
}

# One emulator for the smoke runs (the main venv has its requirements).
"$MAIN_PY" -m tests.emulator --port 0 --async-seconds 1 --validate-responses >"$WORK/emulator.json" 2>"$WORK/emulator.log" &
EMULATOR_PID=$!
for _ in $(seq 300); do [[ $(wc -l <"$WORK/emulator.json") -ge 1 ]] && break; sleep 0.1; done
URL=$("$MAIN_PY" -c 'import json, sys; print(json.loads(open(sys.argv[1]).readline())["url"])' "$WORK/emulator.json")
KEY=$("$MAIN_PY" -c 'import json, sys; print(json.loads(open(sys.argv[1]).readline())["admin_key"])' "$WORK/emulator.json")

# run_release CORE: its checks, in $WORK/CORE/ (log.txt; summary.txt once they passed).
run_release() {
  local core=$1 start=$SECONDS venv pyver version bin out units extra=""
  local dir="$WORK/$core" coll="$WORK/$core/ansible_collections/cockroachdb/cloud"
  venv=$(venv_for "$core")
  if [[ -z "$venv" ]]; then
    echo "ansible-core $core: SKIPPED (no Python ${PYTHON[$core]} on this machine)" >"$dir/summary.txt"
    return 0
  fi
  copy_tree "$dir"
  pyver=${PYTHON[$core]}
  version=$("$venv/bin/python" -c 'import ansible.release as r; print("ansible-core " + r.__version__)')
  bin="$dir/bin"
  mkdir -p "$bin"
  ln -sf "$(interpreter "$pyver")" "$bin/python$pyver"
  (cd "$coll" && PATH="$bin:$venv/bin:$PATH" ansible-test units --local --python "$pyver" --color no >"$dir/units.log" 2>&1) \
    || { tail -50 "$dir/units.log"; echo "units failed with $version"; return 1; }
  units=$(grep -ohE "[0-9]+ passed" "$dir/units.log" | awk '{s += $1} END {print s}')
  if [[ "$core" == "$NEWEST" ]]; then
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
  echo "=== ansible-core $core, Python ${PYTHON[$core]}: started"
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
