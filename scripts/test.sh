#!/usr/bin/env bash
# The one test command for the cockroachdb.cloud collection (what `make test` and CI run).
#
#   scripts/test.sh                  # every stage
#   scripts/test.sh sanity pytest    # only these stages, in the given order
#   scripts/test.sh setup            # only build/refresh .venv and the offline pip stand-in
#
# Works from a fresh clone on a fresh machine: it builds .venv itself and needs only PyPI.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# Some machines set this; without cached bytecode every tool re-compiles its imports (pytest -n 2: 16 s instead of 5 s).
unset PYTHONDONTWRITEBYTECODE

VENV="$ROOT/.venv"
PY="$VENV/bin/python"
NAMESPACE=cockroachdb
NAME=cloud
DEFAULT_STAGES=(sanity units pytest lint docs integration molecule matrix)
PYTEST_DIRS=(tests/emulator_tests tests/contract tests/packaging)

WORK=""             # temporary collection tree and interpreter links, see prepare_tree
COLL=""             # $WORK/ansible_collections/cockroachdb/cloud
SANITY_PY_ARGS=()   # empty = every Python version found; else --python X.Y
RESULTS=()          # "stage: PASSED (12s)" lines for the summary
CURRENT=""          # stage running now, for the failure summary
SKIPPED=""          # set by a stage that had nothing to run, shown in the summary

banner() { printf '\n========== %s ==========\n' "$*"; }

# Print the summary on every exit, so a failure says which stage broke and how long each took.
summary() {
  local rc=$?
  if [[ -n "$WORK" ]]; then rm -rf "$WORK"; fi
  if [[ -n "$CURRENT" ]]; then RESULTS+=("$CURRENT: FAILED"); fi
  banner "SUMMARY"
  local line
  for line in "${RESULTS[@]}"; do echo "  $line"; done
  if [[ $rc -eq 0 ]]; then
    echo "ALL CHECKS PASSED"
  else
    echo "CHECKS FAILED (exit $rc)${CURRENT:+ in stage $CURRENT}"
  fi
  exit "$rc"
}
trap summary EXIT

# --- setup -----------------------------------------------------------------------------

pick_python() {
  local p
  # pyenv's real 3.11 first: the shims can point at a different version per directory.
  for p in /root/.pyenv/versions/3.11.*/bin/python3.11; do
    if [[ -x "$p" ]]; then echo "$p"; return; fi
  done
  command -v python3.11 || command -v python3
}

ensure_venv() {
  if [[ ! -x "$PY" ]]; then
    local base
    base=$(pick_python)
    echo "Creating $VENV with $base"
    "$base" -m venv "$VENV"
  fi
  # Quick (about 2 s) when everything is already installed at the pinned versions.
  "$PY" -m pip install -q --disable-pip-version-check -r requirements-test.txt
}

# ansible-test bootstraps pip in each venv it makes with a get-pip script that it downloads
# from a server this network cannot reach; it uses ~/.ansible/test/cache/get_pip_<ver>.py
# when present. This stand-in does the same job with ensurepip plus PyPI.
ensure_get_pip() {
  local cache="$HOME/.ansible/test/cache" versions=(24.2 25.2) v f
  # Also whatever pip version the installed ansible-test asks for.
  versions+=("$(grep -ohE "pip='[0-9.]+'" "$VENV"/lib/python3*/site-packages/ansible_test/_internal/python_requirements.py | tr -dc '0-9.\n' | head -n1 || true)")
  mkdir -p "$cache"
  for v in "${versions[@]}"; do
    f="$cache/get_pip_${v//./_}.py"
    if [[ -z "$v" || -f "$f" ]]; then continue; fi
    echo "Writing offline pip bootstrap stand-in $f"
    cat >"$f" <<'EOF'
"""Offline stand-in for get-pip.py, written by scripts/test.sh.

ansible-test runs it as: python quiet_pip.py --disable-pip-version-check pip==X [--no-setuptools] [--no-wheel]
"""
import subprocess
import sys

args = [a for a in sys.argv[1:] if a not in ('--no-setuptools', '--no-wheel')]
subprocess.check_call([sys.executable, '-m', 'ensurepip', '--default-pip'])
subprocess.check_call([sys.executable, '-m', 'pip', 'install'] + args)
EOF
  done
}

# Real interpreters first on PATH, pyenv shims off it: ansible-test finds python3.X by name
# and a shim for a version pyenv has not selected fails with "pyenv: python3.8: command not found".
setup_path() {
  local bin="$WORK/bin" v p found=0 path_rest=""
  mkdir -p "$bin"
  for v in 8 9 10 11 12 13; do
    for p in /root/.pyenv/versions/3."$v".*/bin/python3."$v"; do
      if [[ -x "$p" ]]; then ln -sf "$p" "$bin/python3.$v"; found=$((found + 1)); break; fi
    done
  done
  local IFS=:
  for p in $PATH; do
    if [[ "$p" != */.pyenv/shims ]]; then path_rest="${path_rest:+$path_rest:}$p"; fi
  done
  export PATH="$bin:$VENV/bin:$path_rest"
  # With one interpreter or none found, test only the venv's own Python.
  if [[ $found -lt 2 ]]; then
    SANITY_PY_ARGS=(--python "$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')")
  fi
}

# ansible-test needs .../ansible_collections/<ns>/<name>/ and rejects a symlinked root
# ('No "ansible_collections" parent directory was found'), so copy the work tree. Copy what
# git would (tracked plus untracked-but-not-ignored) so new files are checked before commit.
prepare_tree() {
  COLL="$WORK/ansible_collections/$NAMESPACE/$NAME"
  mkdir -p "$COLL"
  if git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1; then
    git -C "$ROOT" ls-files -z --cached --others --exclude-standard |
      while IFS= read -r -d '' f; do if [[ -e "$f" ]]; then printf '%s\0' "$f"; fi; done |
      tar -C "$ROOT" --null -T - -cf - | tar -C "$COLL" -xf -
  else
    tar -C "$ROOT" --exclude=./.venv --exclude=./.git --exclude=./tests/output \
      --exclude=./collections --exclude=./.ansible -cf - . | tar -C "$COLL" -xf -
  fi
}

# --- stages ----------------------------------------------------------------------------

stage_sanity() {
  (cd "$COLL" && ansible-test sanity --local "${SANITY_PY_ARGS[@]}" --color no)
}

stage_pytest() {
  local dirs=() d rc=0
  for d in "${PYTEST_DIRS[@]}"; do if [[ -d "$d" ]]; then dirs+=("$d"); fi; done
  if [[ ${#dirs[@]} -eq 0 ]]; then
    SKIPPED="none of ${PYTEST_DIRS[*]} exists yet"
    echo "SKIP: $SKIPPED"
    return 0
  fi
  # From the repo root so that `tests.emulator` imports as a package.
  "$PY" -m pytest -q -n 2 "${dirs[@]}" || rc=$?
  # Exit 5 = no tests collected: an existing test folder with no tests is a failure.
  if [[ $rc -eq 5 ]]; then echo "pytest collected no tests in ${dirs[*]}" >&2; fi
  return "$rc"
}

stage_lint() {
  # Offline via .ansible-lint; the collections path lets it resolve our own modules.
  (cd "$COLL" && ANSIBLE_COLLECTIONS_PATH="$WORK" ansible-lint --nocolor)
}

stage_docs() {
  (cd "$COLL" && ANSIBLE_COLLECTIONS_PATH="$WORK" antsibull-docs lint-collection-docs --plugin-docs .)
  # Changelog fragments must parse, or the release changelog cannot be built.
  (cd "$COLL" && antsibull-changelog lint)
  # The documentation site (every plugin's page and the guides), Sphinx warnings as errors.
  ANSIBLE_COLLECTIONS_PATH="$WORK" bash "$COLL/scripts/docs_site.sh" "$ROOT/docs/_build/html"
}

stage_units() {
  # --local with the venv's own Python: it has pytest, pytest-xdist and what
  # tests/unit/requirements.txt lists. (ansible-test picks sys.executable for its own X.Y.)
  local pyver
  pyver=$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
  (cd "$COLL" && ansible-test units --local --python "$pyver" --color no)
}

# Integration: ONE emulator for all targets, described to them in
# tests/integration/integration_config.yml (written into the copy from
# tests/integration/integration_config.yml.template; see tests/integration/README.md).
# The emulator keeps the service's rate limit (10 requests/s per key): a target that bursts
# meets 429 answers as it would in real life (measured: the current targets never reach it).
stage_integration() {
  local targets
  targets=$(find tests/integration/targets -mindepth 1 -maxdepth 1 -type d \
    ! -name 'setup_*' ! -name 'prepare_*' 2>/dev/null | wc -l)
  if [[ $targets -eq 0 ]]; then
    SKIPPED="no integration targets yet"
    echo "SKIP: $SKIPPED"
    return 0
  fi
  run_integration
}

# A subshell, so that its EXIT trap stops the emulator however the stage ends.
run_integration() (
  local out="$WORK/emulator.json" log="$WORK/emulator.log"
  local config="$COLL/tests/integration/integration_config.yml" pid url key i pyver rc
  # INTEGRATION_EMULATOR_ARGS adds emulator options, e.g. "--rate-limit 0" to compare.
  # shellcheck disable=SC2086
  "$PY" -m tests.emulator --port 0 --test-controls --async-seconds 1 --validate-responses ${INTEGRATION_EMULATOR_ARGS:-} >"$out" 2>"$log" &
  pid=$!
  trap 'kill '"$pid"' 2>/dev/null || true; wait '"$pid"' 2>/dev/null || true; rm -f "'"$config"'"' EXIT
  for ((i = 0; i < 300; i++)); do
    if [[ $(wc -l <"$out") -ge 1 ]]; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "The emulator did not start:" >&2; cat "$log" >&2; return 1; fi
    sleep 0.1
  done
  if [[ $(wc -l <"$out") -lt 1 ]]; then echo "The emulator printed nothing in 30 s" >&2; return 1; fi
  url=$("$PY" -c 'import json, sys; print(json.loads(sys.stdin.readline())["url"])' <"$out")
  key=$("$PY" -c 'import json, sys; print(json.loads(sys.stdin.readline())["admin_key"])' <"$out")
  echo "Emulator at $url (pid $pid, log $log)"
  sed -e "s|@URL@|$url|g" -e "s|@ADMIN_KEY@|$key|g" tests/integration/integration_config.yml.template >"$config"
  pyver=$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
  # --local: targets run with the venv's Python (modules need requests), on this host.
  rc=0
  # At -vvvv (every result, diff and invocation shown), into a log that no secret may be in
  # (tests/contract/secrets_scan.py); the console gets the progress and the failures.
  local vlog="$ROOT/tests/output/integration-vvvv.log"
  mkdir -p "$(dirname "$vlog")"
  # INTEGRATION_TARGETS="a b" runs only those targets (all by default).
  # shellcheck disable=SC2086
  (cd "$COLL" && ansible-test integration -vvvv --local --python "$pyver" --color no ${INTEGRATION_TARGETS:-}) \
    >"$vlog" 2>&1 || rc=$?
  grep -E '^(Running .* integration test|[A-Za-z0-9_.() -]+: .*(passed|converged|requests|lines|results)|.* converged in |FAILED|ERROR: )' "$vlog" || true
  if [[ $rc -ne 0 ]]; then
    echo "--- the last 300 lines of $vlog:"
    tail -n 300 "$vlog"
  fi
  "$PY" tests/contract/secrets_scan.py "$vlog" "$url" "$COLL" || rc=$?
  # What the targets sent, and how many 429 answers (rate limit) they met on the way.
  "$PY" - "$url" <<'PYEOF' || true
import json, sys, urllib.request
with urllib.request.urlopen(sys.argv[1] + "/_emulator/requests", timeout=30) as response:
    log = json.load(response)["requests"]
print("Emulator: %d API requests, %d mutating, %d answered 429 (rate limit)" % (
    len(log), sum(e["method"] not in ("GET", "HEAD") for e in log), sum(e["status"] == 429 for e in log)))
PYEOF
  # Every operation is used by a plugin or planned in NOT_YET; only a full run shows all use.
  if [[ -z "${INTEGRATION_TARGETS:-}" ]]; then
    "$PY" tests/contract/operation_coverage.py "$url" || rc=$?
  fi
  return "$rc"
)

# The roles' molecule scenarios (extensions/molecule/<role>/: check mode, converge,
# idempotence, verify on localhost), against one emulator for all of them.
stage_molecule() (
  local out="$WORK/molecule-emulator.json" pid scenario
  if [[ ! -d extensions/molecule ]]; then SKIPPED="no molecule scenarios yet"; return 0; fi
  "$PY" -m tests.emulator --port 0 --async-seconds 1 --validate-responses --test-controls >"$out" 2>"$WORK/molecule-emulator.log" &
  pid=$!
  trap 'kill '"$pid"' 2>/dev/null || true; wait '"$pid"' 2>/dev/null || true' EXIT
  for _ in $(seq 300); do [[ $(wc -l <"$out") -ge 1 ]] && break; sleep 0.1; done
  COCKROACH_SERVER=$("$PY" -c 'import json, sys; print(json.loads(open(sys.argv[1]).readline())["url"])' "$out")
  COCKROACH_API_KEY=$("$PY" -c 'import json, sys; print(json.loads(open(sys.argv[1]).readline())["admin_key"])' "$out")
  export COCKROACH_SERVER COCKROACH_API_KEY ANSIBLE_COLLECTIONS_PATH="$WORK"
  for scenario in "$COLL"/extensions/molecule/*/; do
    [[ -f "$scenario/molecule.yml" ]] || continue  # (shared/: what the scenarios share)
    scenario=$(basename "$scenario")
    echo "--- molecule test -s $scenario"
    (cd "$COLL" && molecule test -s "$scenario")
  done
)

# The other ansible-core releases, each on a Python it supports (scripts/matrix.sh).
stage_matrix() {
  bash scripts/matrix.sh
}

# --- main ------------------------------------------------------------------------------

stages=("$@")
[[ ${#stages[@]} -gt 0 ]] || stages=("${DEFAULT_STAGES[@]}")
for s in "${stages[@]}"; do
  case "$s" in
    setup | sanity | units | pytest | lint | docs | integration | molecule | matrix) ;;
    *) echo "unknown stage '$s' (known: setup ${DEFAULT_STAGES[*]})" >&2; exit 2 ;;
  esac
done

run_stage() {
  local name=$1 start=$SECONDS
  banner "STAGE: $name"
  CURRENT=$name SKIPPED=""
  "$2"
  CURRENT=""
  RESULTS+=("$name: ${SKIPPED:+SKIPPED, $SKIPPED}${SKIPPED:-PASSED} ($((SECONDS - start))s)")
}

setup() {
  ensure_venv
  ensure_get_pip
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/cockroachdb-cloud-test.XXXXXX")
  setup_path
  prepare_tree
}
run_stage setup setup

for s in "${stages[@]}"; do
  [[ "$s" == setup ]] || run_stage "$s" "stage_$s"
done
