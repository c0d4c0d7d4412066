#!/usr/bin/env bash
# The version matrix: the collection with every ansible-core release it supports, each on a
# Python that release supports (pyenv's interpreters on this machine). The `matrix` stage of
# scripts/test.sh; on its own: `bash scripts/matrix.sh [CORE...]` (from the repository root).
#
#   every release: ansible-test units, and playbooks/cluster_setup.yml against an emulator
#                  (apply in-process, then a re-run as modules that must change nothing)
#   the newest:    ansible-test sanity too
#
# Each release gets a virtualenv under .venv-matrix/ (kept between runs). The main suite
# covers ansible-core 2.19 on Python 3.11 (.venv).
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

# A copy of the work tree as ansible_collections/cockroachdb/cloud (what git would see).
COLL="$WORK/ansible_collections/cockroachdb/cloud"
mkdir -p "$COLL"
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [[ -e "$f" ]] && printf '%s\0' "$f"; done | tar --null -T - -cf - | tar -C "$COLL" -xf -

# One emulator for the smoke runs (the main venv has its requirements).
"$MAIN_PY" -m tests.emulator --port 0 --async-seconds 1 --validate-responses >"$WORK/emulator.json" 2>"$WORK/emulator.log" &
EMULATOR_PID=$!
for _ in $(seq 300); do [[ $(wc -l <"$WORK/emulator.json") -ge 1 ]] && break; sleep 0.1; done
URL=$("$MAIN_PY" -c 'import json, sys; print(json.loads(open(sys.argv[1]).readline())["url"])' "$WORK/emulator.json")
KEY=$("$MAIN_PY" -c 'import json, sys; print(json.loads(open(sys.argv[1]).readline())["admin_key"])' "$WORK/emulator.json")

declare -a SUMMARY
for core in "${RELEASES[@]}"; do
  start=$SECONDS
  venv=$(venv_for "$core")
  if [[ -z "$venv" ]]; then SUMMARY+=("ansible-core $core: SKIPPED (no Python ${PYTHON[$core]} on this machine)"); continue; fi
  pyver=${PYTHON[$core]}
  version=$("$venv/bin/python" -c 'import ansible.release as r; print("ansible-core " + r.__version__)')
  echo "=== $version, Python $pyver"
  bin="$WORK/bin-$core"
  mkdir -p "$bin"
  ln -sf "$(interpreter "$pyver")" "$bin/python$pyver"
  (cd "$COLL" && PATH="$bin:$venv/bin:$PATH" ansible-test units --local --python "$pyver" --color no >"$WORK/units-$core.log" 2>&1) \
    || { tail -50 "$WORK/units-$core.log"; echo "units failed with $version" >&2; exit 1; }
  units=$(grep -ohE "[0-9]+ passed" "$WORK/units-$core.log" | awk '{s += $1} END {print s}')
  if [[ "$core" == "$NEWEST" ]]; then
    (cd "$COLL" && PATH="$bin:$venv/bin:$PATH" ansible-test sanity --local --python "$pyver" --color no >"$WORK/sanity.log" 2>&1) \
      || { grep -E "^ERROR" "$WORK/sanity.log" | head -40; echo "sanity failed with $version" >&2; exit 1; }
  fi
  for mode in true false; do
    out="$WORK/smoke-$core-$mode.out"
    env COCKROACH_SERVER="$URL" COCKROACH_API_KEY="$KEY" COCKROACH_IN_PROCESS=$mode ANSIBLE_COLLECTIONS_PATH="$WORK" \
      ANSIBLE_LOCALHOST_WARNING=false ANSIBLE_INVENTORY_UNPARSED_WARNING=false \
      "$venv/bin/ansible-playbook" "$COLL/playbooks/cluster_setup.yml" -e "setup_cluster=matrix-${core/./-}" >"$out" 2>&1 \
      || { tail -40 "$out"; echo "the smoke playbook failed with $version" >&2; exit 1; }
  done
  # The second run (as modules) changes nothing.
  grep -qE "localhost +: ok=4 +changed=0 .*failed=0" "$WORK/smoke-$core-false.out" \
    || { tail -20 "$WORK/smoke-$core-false.out"; echo "the re-run changed something with $version" >&2; exit 1; }
  extra=""
  if [[ "$core" == "$NEWEST" ]]; then extra=", sanity"; fi
  SUMMARY+=("$version, Python $pyver: $units unit tests, playbook applied in-process and re-run as modules (changed=0)$extra ($((SECONDS - start)) s)")
done
printf '\n'
for line in "${SUMMARY[@]}"; do echo "  $line"; done
