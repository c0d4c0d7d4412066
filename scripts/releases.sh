# The ansible-core releases the collection supports besides the main one (2.19 on Python 3.11,
# in .venv), each with the Python it is tested on here (the newest it supports). Sourced by
# scripts/matrix.sh, which runs them, and scripts/lock.sh, which locks their virtualenvs.
# shellcheck shell=bash disable=SC2034
declare -A MATRIX_PYTHON=([2.16]=3.10 [2.17]=3.12 [2.18]=3.13 [2.20]=3.13 [2.21]=3.13)
MATRIX_ORDER=(2.16 2.17 2.18 2.20 2.21)
MATRIX_OLDEST=2.16
MATRIX_NEWEST=2.21
