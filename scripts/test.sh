#!/usr/bin/env bash
# The one test command for the cockroachdb.cloud collection (what `make test` and CI run).
#
#   scripts/test.sh                  # every stage
#   scripts/test.sh sanity pytest    # only these stages
#   scripts/test.sh setup            # only build/refresh .venv and the offline pip stand-in
#
# Works from a fresh clone on a fresh machine: it builds .venv itself from lock/test.txt and
# needs only PyPI. The stages run side by side, TEST_JOBS at a time (default 2), the longest
# first, each in its own copy of the collection; the output of each is kept in
# tests/output/stages/<stage>.log and printed whole when the stage ends. The first failure
# stops the stages still running. The summary gives each stage's time and the CPU it used.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
# Some machines set this; without cached bytecode every tool re-compiles its imports (pytest -n 2: 16 s instead of 5 s).
unset PYTHONDONTWRITEBYTECODE

VENV="$ROOT/.venv"
PY="$VENV/bin/python"
# The order they start in when all run: the longest first, so that no long stage starts last.
DEFAULT_STAGES=(integration matrix sanity pytest units molecule lint docs)
PYTEST_DIRS=(tests/emulator/tests tests/contract tests/packaging)
JOBS=${TEST_JOBS:-2}
LOGS="$ROOT/tests/output/stages"

banner() { printf '\n========== %s ==========\n' "$*"; }

# --- setup -----------------------------------------------------------------------------

pick_python() {
  local p
  # pyenv's real 3.11 first: the shims can point at a different version per directory.
  for p in /root/.pyenv/versions/3.11.*/bin/python3.11; do
    if [[ -x "$p" ]]; then echo "$p"; return; fi
  done
  command -v python3.11 || command -v python3
}

# .venv holds exactly lock/test.txt (every package pinned, with hashes; `make lock` writes it
# from requirements-test.txt): rebuilt when the lock changes, a clear failure when it drifted.
ensure_venv() {
  bash "$ROOT/scripts/venv.sh" "$VENV" "$(pick_python)" "$ROOT/lock/test.txt"
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
# Writes the versions found (oldest first) to $WORK/pythons.
setup_path() {
  local bin="$WORK/bin" v p path_rest=""
  mkdir -p "$bin"
  : >"$WORK/pythons"
  for v in 8 9 10 11 12 13; do
    for p in /root/.pyenv/versions/3."$v".*/bin/python3."$v"; do
      if [[ -x "$p" ]]; then ln -sf "$p" "$bin/python3.$v"; echo "3.$v" >>"$WORK/pythons"; break; fi
    done
  done
  local IFS=:
  for p in $PATH; do
    if [[ "$p" != */.pyenv/shims ]]; then path_rest="${path_rest:+$path_rest:}$p"; fi
  done
  export PATH="$bin:$VENV/bin:$path_rest"
}

# The stage's own copy of the collection: sets COLL, and CPATH (its collections path).
stage_tree() {
  CPATH="$WORK/trees/$1"
  COLL="$CPATH/ansible_collections/cockroachdb/cloud"
  copy_tree "$CPATH"
}

venv_python_version() { "$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])'; }

# --- stages ----------------------------------------------------------------------------
# Each runs in a process of its own (see run_one_stage), with set -e: the first failing
# command ends it.

# Every test on the venv's Python; where more interpreters are found, compile on all of them
# and import on the oldest too (the version matrix adds sanity on the newest ansible-core,
# whose import test runs on Python 3.13, and runs the modules on 3.10 and 3.12).
stage_sanity() {
  local oldest
  stage_tree sanity
  cd "$COLL"
  ansible-test sanity --local --python "$(venv_python_version)" --color no
  if [[ $(wc -l <"$WORK/pythons") -ge 2 ]]; then
    ansible-test sanity --local --test compile --color no
    oldest=$(head -n1 "$WORK/pythons")
    ansible-test sanity --local --test import --python "$oldest" --color no
  fi
}

stage_pytest() {
  local dirs=() d rc=0
  for d in "${PYTEST_DIRS[@]}"; do if [[ -d "$d" ]]; then dirs+=("$d"); fi; done
  # From the repo root so that `tests.emulator` imports as a package.
  "$PY" -m pytest -q -n 2 "${dirs[@]}" || rc=$?
  # Exit 5 = no tests collected: an existing test folder with no tests is a failure.
  if [[ $rc -eq 5 ]]; then echo "pytest collected no tests in ${dirs[*]}" >&2; fi
  return "$rc"
}

stage_lint() {
  # Offline via .ansible-lint; the collections path lets it resolve our own modules.
  stage_tree lint
  cd "$COLL"
  ANSIBLE_COLLECTIONS_PATH="$CPATH" ansible-lint --nocolor
}

stage_docs() {
  stage_tree docs
  cd "$COLL"
  ANSIBLE_COLLECTIONS_PATH="$CPATH" antsibull-docs lint-collection-docs --plugin-docs .
  # Changelog fragments must parse, or the release changelog cannot be built.
  antsibull-changelog lint
  # The documentation site (every plugin's page and the guides), Sphinx warnings as errors.
  ANSIBLE_COLLECTIONS_PATH="$CPATH" bash "$COLL/scripts/docs_site.sh" "$ROOT/docs/_build/html"
}

stage_units() {
  # --local with the venv's own Python: it has pytest, pytest-xdist and what
  # tests/unit/requirements.txt lists. (ansible-test picks sys.executable for its own X.Y.)
  stage_tree units
  cd "$COLL"
  ansible-test units --local --python "$(venv_python_version)" --color no
}

# Lanes of targets, each with its own emulator: scripts/integration.sh.
stage_integration() {
  bash scripts/integration.sh
}

# The roles' molecule scenarios (extensions/molecule/<role>/: check mode, converge,
# idempotence, verify on localhost), against one emulator for all of them. The default
# scenario (shared pieces) checks the syntax of every scenario's converge playbook, so it
# must import each of them.
stage_molecule() {
  local scenario missing=0
  for scenario in extensions/molecule/*/; do
    scenario=$(basename "$scenario")
    if [[ $scenario != default ]] && ! grep -q "\.\./$scenario/converge.yml" extensions/molecule/default/converge.yml; then
      echo "extensions/molecule/default/converge.yml does not import ../$scenario/converge.yml" >&2
      missing=1
    fi
  done
  [[ $missing -eq 0 ]]
  stage_tree molecule
  # The live service's wire format (strictly validated), as the roles' users meet it.
  EMULATOR_CONTRACT=${MOLECULE_CONTRACT:-live} \
    launch_emulator "$PY" "$WORK/molecule-emulator" --async-seconds 1 --validate-responses --test-controls
  AT_EXIT+=("stop_emulator $EMULATOR_PID")
  export COCKROACH_SERVER="$EMULATOR_URL" COCKROACH_API_KEY="$EMULATOR_KEY" ANSIBLE_COLLECTIONS_PATH="$CPATH"
  export NO_COLOR=1 ANSIBLE_NOCOLOR=1  # (a log file, not a terminal)
  cd "$COLL"
  molecule test --all
}

# The other ansible-core releases, each on a Python it supports (scripts/matrix.sh).
stage_matrix() {
  bash scripts/matrix.sh
}

# --- running the stages ----------------------------------------------------------------

# One stage, in this process (started by run_stages as `test.sh --one-stage NAME` in a
# session of its own, so that a failure elsewhere can stop it with all it started). Writes
# its status and the CPU seconds it used to $LOGS/NAME.result when it ends, however it ends.
AT_EXIT=()  # commands a stage wants run when it ends (not `trap ... EXIT`: that is this one's)
run_one_stage() {
  STAGE=$1
  trap 'stage_ended $?' EXIT
  "stage_$STAGE"
}

# shellcheck disable=SC2329  # (the EXIT trap of run_one_stage)
stage_ended() {
  local status=$1 at_exit
  for at_exit in "${AT_EXIT[@]}"; do eval "$at_exit"; done
  { echo "$status"; cpu_seconds; } >"$LOGS/$STAGE.result"
}

# The stages, JOBS at a time in the given order; each one's log printed when it ends. After a
# failure no stage starts and the running ones are stopped.
declare -A STARTED=() PIDS=() ENDED=()
FAILED=""
run_stages() {
  local queue=("$@") name done_pid
  mkdir -p "$LOGS"
  while [[ ${#queue[@]} -gt 0 || ${#PIDS[@]} -gt 0 ]]; do
    while [[ ${#queue[@]} -gt 0 && ${#PIDS[@]} -lt $JOBS && -z "$FAILED" ]]; do
      name=${queue[0]}
      queue=("${queue[@]:1}")
      rm -f "$LOGS/$name.result"
      echo "stage $name: started ($((SECONDS - SUITE_START)) s into the run)"
      setsid bash "$ROOT/scripts/test.sh" --one-stage "$name" >"$LOGS/$name.log" 2>&1 &
      PIDS[$name]=$!
      STARTED[$name]=$SECONDS
    done
    [[ ${#PIDS[@]} -gt 0 ]] || break
    done_pid=""
    wait -n -p done_pid "${PIDS[@]}" || true
    for name in "${!PIDS[@]}"; do
      if [[ "${PIDS[$name]}" == "$done_pid" ]]; then finish_stage "$name"; fi
    done
    if [[ -n "$FAILED" ]]; then
      for name in "${!PIDS[@]}"; do
        echo "stage $name: stopped (stage $FAILED failed)"
        kill -TERM -- "-${PIDS[$name]}" 2>/dev/null || true
        wait "${PIDS[$name]}" 2>/dev/null || true
        ENDED[$name]="$name: STOPPED after $((SECONDS - ${STARTED[$name]})) s (stage $FAILED failed)"
        unset "PIDS[$name]"
      done
      queue=()
    fi
  done
}

finish_stage() {
  local name=$1 status=1 cpu="?" took=$((SECONDS - ${STARTED[$1]}))
  if [[ -f "$LOGS/$name.result" ]]; then
    { read -r status; read -r cpu; } <"$LOGS/$name.result"
  fi
  unset "PIDS[$name]"
  banner "STAGE: $name"
  cat "$LOGS/$name.log"
  if [[ "$status" == 0 ]]; then
    ENDED[$name]="$name: PASSED ($took s, $cpu s CPU)"
  else
    ENDED[$name]="$name: FAILED with exit $status ($took s, $cpu s CPU; its output: tests/output/stages/$name.log)"
    FAILED=${FAILED:-$name}
  fi
  echo "-- ${ENDED[$name]}"
}

# Print the summary on every exit, so a failure says which stage broke and how long each took.
summary() {
  local rc=$? name
  for name in "${!PIDS[@]}"; do  # (only when this script itself failed)
    kill -TERM -- "-${PIDS[$name]}" 2>/dev/null || true
    wait "${PIDS[$name]}" 2>/dev/null || true
  done
  if [[ -n "${WORK:-}" ]]; then rm -rf "$WORK"; fi
  banner "SUMMARY"
  for name in "${ORDER[@]}"; do
    if [[ -n "${ENDED[$name]:-}" ]]; then echo "  ${ENDED[$name]}"; fi
  done
  printf '  total: %s s, %s s CPU, %s stages at a time\n' "$((SECONDS - SUITE_START))" "$(cpu_seconds $$)" "$JOBS"
  if [[ $rc -eq 0 && -z "$FAILED" ]]; then
    echo "ALL CHECKS PASSED"
  else
    echo "CHECKS FAILED (exit $rc)${FAILED:+ in stage $FAILED}"
  fi
  exit "$rc"
}

# --- main ------------------------------------------------------------------------------

if [[ "${1:-}" == "--one-stage" ]]; then
  export ROOT
  run_one_stage "$2"
  exit 0
fi

stages=("$@")
[[ ${#stages[@]} -gt 0 ]] || stages=("${DEFAULT_STAGES[@]}")
for s in "${stages[@]}"; do
  case "$s" in
    setup | sanity | units | pytest | lint | docs | integration | molecule | matrix) ;;
    *) echo "unknown stage '$s' (known: setup ${DEFAULT_STAGES[*]})" >&2; exit 2 ;;
  esac
done

SUITE_START=$SECONDS
ORDER=(setup)
WORK=""
trap summary EXIT
banner "STAGE: setup"
ENDED[setup]="setup: FAILED"
ensure_venv
ensure_get_pip
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cockroachdb-cloud-test.XXXXXX")
export WORK
setup_path
ENDED[setup]="setup: PASSED ($((SECONDS - SUITE_START)) s)"

run=()
for s in "${stages[@]}"; do [[ "$s" == setup ]] || run+=("$s"); done
ORDER+=("${run[@]}")
run_stages "${run[@]}"
[[ -z "$FAILED" ]]
