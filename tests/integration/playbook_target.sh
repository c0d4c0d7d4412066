# shellcheck shell=bash disable=SC2034  # (its variables are for the script that sources it)
# Sourced by the runme.sh of the playbook_* targets, which run one playbook of playbooks/ as
# users run it, against an emulator of their own (a fresh, empty organization). Needs ROOT
# (the collection) and PLAYBOOK (the playbook's file name without .yml). Sets:
#   PY, WORK         the Python of the test and a scratch directory (removed on exit)
#   URL, KEY         the emulator's, also exported as COCKROACH_SERVER and COCKROACH_API_KEY
#   REPORT           playbook_cluster_setup/check_report.py: the run's tasks and requests checked
#   ROLE_REPORT      the same, for playbooks of roles (their argument checks and includes left out)
#   run NAME [ansible-playbook options...]   the playbook, its output in $WORK/NAME.out
#   fail MESSAGE...                          says FAILED: MESSAGE and exits 1
REPORT="$ROOT/tests/integration/targets/playbook_cluster_setup/check_report.py"
ROLE_REPORT="$ROOT/tests/integration/targets/playbook_team_dev_clusters/role_report.py"
# shellcheck source=emulator.sh
source "$ROOT/tests/integration/emulator.sh"

start_emulator emulator --test-controls --validate-responses --async-seconds 1
URL=$EMULATOR_URL
KEY=$EMULATOR_KEY
export COCKROACH_SERVER="$URL" COCKROACH_API_KEY="$KEY"
export ANSIBLE_NOCOLOR=1

run() {
  local name=$1
  shift
  ansible-playbook "$ROOT/playbooks/$PLAYBOOK.yml" "$@" >"$WORK/$name.out" 2>&1 || true
}
fail() { echo "FAILED: $*" >&2; exit 1; }
