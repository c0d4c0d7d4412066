#!/usr/bin/env bash
# scripts/venv.sh VENV PYTHON LOCK: make the virtualenv VENV, built with the interpreter
# PYTHON, hold exactly the lock file LOCK (every package pinned, with hashes; `make lock`).
#
# A stamp in VENV names the lock and Python it was built from. When either changed, VENV is
# rebuilt from nothing; when VENV drifted from its lock (a package installed, removed or
# upgraded by hand), this fails and says what differs. Used by scripts/test.sh (.venv) and
# scripts/matrix.sh (.venv-matrix/<core>). About 40 s from nothing, under 1 s when current.
set -euo pipefail
VENV=$1 BASE=$2 LOCK=$3
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
name=${VENV#"$ROOT"/}
lock=${LOCK#"$ROOT"/}
stamp="$VENV/.built-from-lock"
want="$(sha256sum "$LOCK" | cut -d' ' -f1) $("$BASE" -c 'import sys; print(sys.version.split()[0])')"
if [[ -x "$VENV/bin/python" && "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
  echo "$lock (or the Python) changed since $name was built: rebuilding $name"
  rm -rf "$VENV"
fi
if [[ ! -x "$VENV/bin/python" ]]; then
  echo "Creating $name with $BASE from $lock"
  rm -rf "$VENV"
  "$BASE" -m venv "$VENV"
  # --no-deps: the lock lists every dependency; its hashes make pip refuse any other file.
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --require-hashes --no-deps -r "$LOCK"
  if ! "$VENV/bin/python" -m pip check >/dev/null; then
    "$VENV/bin/python" -m pip check || true
    echo "$lock misses a dependency (pip check above): run make lock" >&2
    exit 1
  fi
  echo "$want" >"$stamp"
fi
if ! "$VENV/bin/python" "$ROOT/scripts/venv_check.py" "$LOCK"; then
  echo "$name does not match $lock (differences above): remove $name and run the command again" >&2
  exit 1
fi
