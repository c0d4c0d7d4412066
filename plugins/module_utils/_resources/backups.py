# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""A cluster's managed backups (descriptions for the kit): the backup configuration
(``BackupConfig``, a Singleton every cluster has) and the backups (a listing with time
filters), with the info function of cockroach_backup_info."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput, as_int
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.collection import Collection
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import listing_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.singleton import Singleton
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import ClusterScope
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._time_filters import time_query

#: The values the service accepts (NOTES.md: frequency_minutes, retention_days).
FREQUENCIES = (5, 10, 15, 30, 60, 240, 1440)
RETENTIONS = (2, 7, 30, 90, 365)
CONFIG_OPTIONS = ("enabled", "frequency_minutes", "retention_days")
#: The service lets the retention of a cluster change once (its API reference: "Can only be set
#: once, further changes require opening a support ticket"); its configuration does not say
#: whether that change was made, so a task cannot know before: it warns in check mode, and a
#: refusal says the rule when the API's message does not.
RETENTION_ONCE = ("the service lets the retention of a cluster change only once: if it was changed before, a further "
                  "change needs Cockroach Labs support")


# -- the backup configuration ---------------------------------------------------------------------

class BackupConfig(Singleton):
    """``/clusters/{id}/backups-config``: every cluster has one (GET answers the defaults),
    PATCH changes the fields it is sent; it cannot be removed. The contract's objects have
    no ``enabled``; the service (and the emulator) have it. The live format takes the same
    requests; its answers have no ``cluster_id`` (the results keep them as sent), and its
    numbers are read as integers whether they come as numbers or as strings."""

    kind = "backup_config"
    noun = "backup configuration"
    scope = ClusterScope
    path = "backups-config"
    create_method = update_method = "PATCH"  # there is nothing to create: it always exists
    delete_method = None
    initial = {"enabled": True, "frequency_minutes": 60, "retention_days": 30}  # a new cluster's
    fields = Fields(
        Field("enabled", default=True),
        Field("frequency_minutes", from_api=as_int),
        Field("retention_days", from_api=as_int),
    )

    def check_input(self):
        super(BackupConfig, self).check_input()
        params = self.params
        if all(params.get(option) is None for option in CONFIG_OPTIONS):
            raise InvalidInput("give at least one of %s: the task manages only what it sets" % ", ".join(CONFIG_OPTIONS))
        for option, accepted, unit in (("frequency_minutes", FREQUENCIES, "minutes"),
                                       ("retention_days", RETENTIONS, "days")):
            value = params.get(option)
            if value is not None and value not in accepted:
                raise InvalidInput("%s must be one of %s (%s; the service accepts no other), got %r"
                                   % (option, ", ".join(str(v) for v in accepted), unit, value))

    def predict_update(self, current, changes):
        if "retention_days" in changes and not self.scope.missing:  # (a new cluster's is free)
            self.ctx.warn("retention_days would change from %s to %s days of %s: the service lets the retention of a "
                          "cluster change only once, and its configuration does not say whether it was changed "
                          "before; if it was, the API refuses the change and a further one needs Cockroach Labs "
                          "support" % (self.view(current).get("retention_days"), changes["retention_days"],
                                       self.scope.describe()))
        return super(BackupConfig, self).predict_update(current, changes)

    def update(self, current, changes):
        """One PATCH with what differs; a refusal (400) of a retention change says the rule."""
        try:
            return super(BackupConfig, self).update(current, changes)
        except ApiError as error:
            if error.status == 400 and "retention_days" in changes and "only once" not in (error.message or ""):
                error.message = "%s (%s)" % (error.message, RETENTION_ONCE)
            raise

    def predict_create(self):
        """The cluster answered 404 (it never should): the configuration as a change would make it."""
        values = dict(self.initial)
        values.update(self.wanted())
        return values


# -- backups --------------------------------------------------------------------------------------

class Backups(Collection):
    """``/clusters/{id}/backups``: ``{id, as_of_time}`` each, oldest first, filtered by
    ``start_time`` (inclusive) and ``end_time`` (exclusive)."""

    kind = "backup"
    scope = ClusterScope
    path = "backups"
    items = "backups"
    key = "id"
    item_key = "id"


def backup_info(ctx):
    """What cockroach_backup_info runs: every backup of the cluster within the time filters."""
    return listing_info(ctx, Backups, "backups", key_option=None, query=time_query(ctx.params))
