# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""The major CockroachDB versions clusters can run, as cockroach_cluster_version_info reads them."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import API

VERSIONS_PATH = API + "/cluster-versions"


def version_number(version):
    """``v24.3`` -> (24, 3), to sort versions by number whatever order a server lists them in
    (the project's contract oldest first, the live service newest first); a version that is
    not a number sorts by its text, after the numbered ones."""
    parts = str(version).lstrip("vV").split(".")
    try:
        return (0, tuple(int(p) for p in parts), "")
    except ValueError:
        return (1, (), str(version))


def version_info(ctx):
    versions = sorted((v["version"] for v in ctx.client.paginate(VERSIONS_PATH, "versions") if v.get("version")),
                      key=version_number)
    return {"changed": False, "versions": versions, "latest": versions[-1] if versions else ""}
