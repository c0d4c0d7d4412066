#!/usr/bin/env bash
# `make lock`: resolve the top-level pins into lock files that pin everything, transitive
# packages included, with the hash of every file PyPI has for each version:
#
#   requirements-test.txt                   -> lock/test.txt           (.venv, Python 3.11)
#   requirements-matrix.txt + ansible-core  -> lock/matrix-<core>.txt  (.venv-matrix/<core>)
#   tests/emulator/pyproject.toml           -> lock/emulator.txt       (the emulator package's test)
#
# Pins already in a lock file are kept unless asked otherwise, so a run after editing one
# top-level pin changes only what that pin needs. Extra arguments go to `uv pip compile`:
#   make lock                                       # after editing requirements-*.txt
#   make lock ARGS="--upgrade-package cryptography"  # move one transitive pin to its newest
#   make lock ARGS="--upgrade"                       # move every pin to its newest
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/releases.sh
source scripts/releases.sh
UV="${UV:-$ROOT/.venv/bin/uv}"
[[ -x "$UV" ]] || bash scripts/test.sh setup >/dev/null
MAIN_PYTHON=3.11

compile() {  # compile OUTPUT PYTHON INPUT...: one lock file (Linux, the given Python); "-" is stdin
  local out=$1 python=$2
  shift 2
  # --native-tls: the machine's certificates, as pip uses them (some networks re-sign TLS).
  "$UV" pip compile --quiet --native-tls --generate-hashes --python-version "$python" \
    --python-platform linux --index-url https://pypi.org/simple \
    --custom-compile-command "make lock" -o "$out" "$@" "${EXTRA[@]}"
  echo "$out: $(grep -cE '^[A-Za-z0-9]' "$out") packages (Python $python)"
}

EXTRA=("$@")
mkdir -p lock
compile lock/test.txt "$MAIN_PYTHON" requirements-test.txt
for core in "${MATRIX_ORDER[@]}"; do
  printf 'ansible-core==%s.*\n' "$core" |
    compile "lock/matrix-$core.txt" "${MATRIX_PYTHON[$core]}" requirements-matrix.txt -
done
# The emulator's own dependencies plus setuptools, its build backend (installed without build
# isolation, so that the build does not fetch an unpinned setuptools).
printf 'setuptools==%s\n' "$(sed -nE 's/^setuptools==([^ ]+).*/\1/p' lock/test.txt)" |
  compile lock/emulator.txt "$MAIN_PYTHON" tests/emulator/pyproject.toml -
