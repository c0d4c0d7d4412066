"""A cluster setting whose ``status`` passes through transitional states before its final
one: log export (gone once DISABLED), the metric exports (gone once NOT_DEPLOYED) and CMEK
(never gone). One implementation, parameterised by each one's statuses.

The record lives at ``cluster_children[kind][key]``. ``transitions`` maps an action to
its (transitional, final) statuses. While the record shows a transitional status,
``check_settled`` answers 409. The final status of ``DISABLE`` removes the record.
"""

from . import lifecycle
from .errors import ApiError, conflict


class StatusMachine:
    def __init__(self, label, kind, transitions, key="config", absent="enabled"):
        self.label = label  # the subject of the messages, e.g. "log export"
        self.kind, self.key = kind, key
        self.transitions = transitions
        self.busy = frozenset(transitional for transitional, _final in transitions.values())
        self.gone = transitions.get("DISABLE", (None, None))[1]
        self.absent = absent  # the 404 says "<label> is not <absent> for cluster <name>"

    def current(self, ctx):
        """The settled record, or None (one whose delete has settled is removed)."""
        holder = ctx.children(self.kind)
        record = holder.get(self.key)
        if record is not None and lifecycle.settle(record)["status"] == self.gone:
            del holder[self.key]
            record = None
        return record

    def existing(self, ctx):
        record = self.current(ctx)
        if record is None:
            raise ApiError(404, "%s is not %s for cluster %s" % (self.label, self.absent, ctx.cluster["name"]))
        return record

    def check_settled(self, ctx, record):
        if record["status"] in self.busy:
            raise conflict("%s of cluster %s is %s; retry once it has settled"
                           % (self.label, ctx.cluster["name"], record["status"]))

    def start(self, ctx, record, action):
        transitional, final = self.transitions[action]
        ctx.schedule(record, {"status": transitional}, {"status": final})
        return record

    def enable(self, ctx, new):
        """Start ``ENABLE`` on the record, made by ``new()`` when there is none; 409 while busy."""
        record = self.current(ctx)
        if record is None:
            record = ctx.children(self.kind)[self.key] = new()
        else:
            self.check_settled(ctx, record)
        return self.start(ctx, record, "ENABLE")

    def disable(self, ctx, **changes):
        """Start ``DISABLE`` (404 without a record); one already disabling answers unchanged."""
        record = self.existing(ctx)
        if record["status"] != self.transitions["DISABLE"][0]:
            record.update(changes)
            self.start(ctx, record, "DISABLE")
        return record
