# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_restore's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import bad, unsupported

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("backup-id-empty", "backup_id must not be empty", cluster="web-app", backup_id=" "),
    bad("backup-id-missing", "missing required arguments: backup_id", cluster="web-app"),
    bad("ignore-restores-before-not-a-time", "ignore_restores_before must be an RFC 3339 time", cluster="web-app",
        backup_id="b", ignore_restores_before="yesterday"),
    bad("ignore-restores-before-in-the-future",
        ("ignore_restores_before 2099-01-01T00:00:00Z is in the future (now is ",
         "restores of the backup started before that time do not count as this task's"),
        cluster="web-app", backup_id="b", ignore_restores_before="2099-01-01T00:00:00Z"),
    bad("not-before-in-the-future", "ignore_restores_before (given as not_before) 2099-01-01T00:00:00Z is in the future",
        cluster="web-app", backup_id="b", not_before="2099-01-01T00:00:00Z"),
    bad("cluster-restore-with-objects", "a CLUSTER restore restores the whole cluster: leave target.objects out",
        cluster="web-app", backup_id="b", target={"type": "CLUSTER", "objects": [{"database": "orders"}]}),
    bad("database-restore-without-objects", "a DATABASE restore needs target.objects", cluster="web-app",
        backup_id="b", target={"type": "DATABASE"}),
    bad("table-restore-without-table", "target.objects[0] needs a table", cluster="web-app", backup_id="b",
        target={"type": "TABLE", "objects": [{"database": "orders"}]}),
    bad("database-restore-of-a-table", "target.objects[0] names a table, but a DATABASE restore", cluster="web-app",
        backup_id="b", target={"type": "DATABASE", "objects": [{"database": "orders", "table": "items"}]}),
    bad("object-twice", "target.objects must not name the same object twice", cluster="web-app", backup_id="b",
        target={"type": "DATABASE", "objects": [{"database": "orders"}, {"database": "orders"}]}),
    bad("object-database-empty", "target.objects[0] needs a database", cluster="web-app", backup_id="b",
        target={"type": "DATABASE", "objects": [{"database": " "}]}),
    bad("target-a-number", "target must be a dictionary of its options, got 1", cluster="web-app", backup_id="b",
        target=1),
    bad("target-type-not-a-choice", ("value of type must be one of: CLUSTER, DATABASE, TABLE, got: SCHEMA", "target"),
        cluster="web-app", backup_id="b", target={"type": "SCHEMA"}),
    bad("state-not-an-option", unsupported("cockroach_restore", "state"), cluster="web-app", backup_id="b",
        state="absent"),
    bad("backup-unknown", "backup nope is not among the 1 backups of cluster web-app",
        ["ListClusters", "ListRestores", "ListBackups"], cluster="web-app", backup_id="nope"),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(cluster="web-app", backup_id="b")
