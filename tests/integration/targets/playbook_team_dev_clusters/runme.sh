#!/usr/bin/env bash
# playbooks/team_dev_clusters.yml as users run it: `--check --diff` on an organization where
# nothing exists yet (a fresh, empty emulator of its own), then for real, then again.
#   --check --diff  every task changed (predicted), none failed, 0 mutating requests
#   apply           every task changed, none failed
#   re-run          no task changed, 0 mutating requests, 12 requests
#   (apply and re-run name their tasks as the --check run does: --names-as)
# (the roles' argument checks and includes left out, see role_report.py), and then what the
# teams' clusters have, read from the API.
set -eu -o pipefail
cd "$(dirname "$0")"
PLAYBOOK=team_dev_clusters
# The collection: ansible-test runs this script from a copy of the target, outside it.
ROOT="${ANSIBLE_COLLECTIONS_PATH%%:*}/ansible_collections/cockroachdb/cloud"
if [[ ! -f "$ROOT/playbooks/$PLAYBOOK.yml" ]]; then ROOT=$(cd ../../../.. && pwd); fi
# shellcheck source=../../playbook_target.sh
source "$ROOT/tests/integration/playbook_target.sh"
export DEV_SQL_PASSWORD="dev-password-$RANDOM$RANDOM"

run check --check --diff
"$PY" "$ROLE_REPORT" "$WORK/check.out" "$URL" "$WORK/mark" --changed all --mutations 0 \
  --warning "no cluster named 'search-dev' among 0 clusters; in check mode this task predicts"
run apply -vvv
"$PY" "$ROLE_REPORT" "$WORK/apply.out" "$URL" "$WORK/mark" --changed all --names-as "$WORK/check.out.roles"
# The SQL users' password is nowhere in the -vvv output.
if grep -qF "$DEV_SQL_PASSWORD" "$WORK/apply.out"; then fail "the SQL users' password is in the -vvv output"; fi

run again
# A no-op costs 4 requests per team: the clusters' listing, then (by id) the databases', the
# SQL users' and the allowlist's.
"$PY" "$ROLE_REPORT" "$WORK/again.out" "$URL" "$WORK/mark" --changed none --names-as "$WORK/check.out.roles" --mutations 0 --requests 12

# What the teams' clusters have now, read from the API (after the checks of the request log).
"$PY" "$ROOT/tests/integration/api_check.py" "$URL" "$KEY" <<'PYTHON'
found = {}
for cluster in get("/api/v1/clusters")["clusters"]:
    base = "/api/v1/clusters/%s" % cluster["id"]
    found[cluster["name"]] = {
        # (the kind of plan and numbers: the live service says BASIC and sends int64 as strings)
        "plan": {"BASIC": "SERVERLESS", "STANDARD": "SERVERLESS"}.get(cluster["plan"], cluster["plan"]),
        "state": cluster["state"],
        "labels": cluster["labels"],
        "limits": {k: int(v) for k, v in cluster["config"]["serverless"]["usage_limits"].items()},
        "databases": sorted(d["name"] for d in get(base + "/databases")["databases"]
                            if d["name"] not in ("defaultdb", "postgres", "system")),
        "users": sorted(u["name"] for u in get(base + "/sql-users")["users"]),
        "allowlist": sorted("%s/%s" % (e["cidr_ip"], e["cidr_mask"]) for e in get(base + "/networking/allowlist")["allowlist"]),
    }
def team(name, databases, users):
    return {"plan": "SERVERLESS", "state": "CREATED", "labels": {"team": name, "env": "dev", "managed-by": "ansible"},
            "limits": {"request_unit_limit": 50000000, "storage_mib_limit": 5120},
            "databases": databases, "users": users, "allowlist": ["198.51.100.0/24", "203.0.113.0/24"]}
expected = {
    "web-dev": team("web", ["web"], ["web"]),
    "payments-dev": team("payments", ["ledger", "payments"], ["payments"]),
    "search-dev": team("search", ["search"], ["indexer", "search"]),
}
if found != expected:
    sys.exit("FAILED: the clusters have %s, expected %s" % (found, expected))
print("the teams' clusters: %s" % sorted(found))
PYTHON
