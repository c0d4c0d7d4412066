#!/usr/bin/env bash
# Build the documentation site: every plugin's page plus the guides of docs/docsite/, offline,
# with Sphinx warnings as errors.
#
#   scripts/docs_site.sh [OUTPUT_DIR]     # default: docs/_build/html
#
# Needs the collection importable as cockroachdb.cloud (ANSIBLE_COLLECTIONS_PATH); the test
# stage `docs` of scripts/test.sh sets it to its temporary tree.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$(realpath -m "${1:-$ROOT/docs/_build/html}")
SRC=$(mktemp -d)
trap 'rm -rf "$SRC"' EXIT

# antsibull-docs wants its destination readable by itself only.
chmod og-w "$SRC"
antsibull-docs --config-file "$ROOT/docs/site/antsibull-docs.cfg" collection \
  --use-current --dest-dir "$SRC" --cleanup everything --fail-on-error cockroachdb.cloud

# The site's start page: the collection (plugins and guides), then the indexes.
cat > "$SRC/index.rst" <<'RST'
cockroachdb.cloud
=================

The Ansible collection for CockroachDB Cloud: modules for every operation of the Cloud API,
an inventory of clusters, a connection-string lookup and roles for standard setups.

.. toctree::
   :maxdepth: 2
   :caption: Collection:

   collections/cockroachdb/cloud/index

.. toctree::
   :maxdepth: 1
   :caption: Plugin indexes:
   :glob:

   collections/index_*

.. toctree::
   :maxdepth: 1
   :caption: Reference indexes:

   collections/environment_variables
RST
mkdir -p "$OUT"
sphinx-build -q -b html -W --keep-going -c "$ROOT/docs/site" "$SRC" "$OUT"
echo "docs site: $OUT/index.html"
