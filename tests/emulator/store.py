"""The emulator's state: one JSON-able dict behind one lock, optionally kept in a file.

Every collection is a dict keyed by id (insertion order is creation order, which is
the order lists are served in). Keys starting with ``_`` are private bookkeeping and
never leave the emulator (see ``public``).
"""

import copy
import json
import os
import tempfile
import threading

from . import lifecycle, seed

STATE_VERSION = 1


# Every private key in use: ``public`` checks for these with one set operation, which is
# what makes a page of 100 clusters cheap; a test walks the state to keep this complete.
PRIVATE_KEYS = frozenset({"_until", "_then", "_secret_digest", "_password_digest", "_line_items",
                          "_retention_changed", "_live"})


def public(resource):
    """A resource as the API shows it: settled, without private ``_`` keys."""
    if "_until" in resource:
        lifecycle.settle(resource)
    if resource.keys() & PRIVATE_KEYS:
        return {k: v for k, v in resource.items() if k[0] != "_"}
    return dict(resource)


class Store:
    def __init__(self, state_file=None):
        self.lock = threading.RLock()
        self.state_file = state_file
        self.data = None
        self.dirty = False

    # -- lifecycle -------------------------------------------------------------------
    def load_or_init(self, admin_key=None):
        with self.lock:
            if self.state_file and os.path.exists(self.state_file):
                with open(self.state_file, encoding="utf-8") as handle:
                    self.data = json.load(handle)
                if self.data.get("version") != STATE_VERSION:
                    raise SystemExit("state file %s has an unknown version" % self.state_file)
            else:
                self.data = seed.initial_state(admin_key)
                self.save()
            return self.data

    def reset(self, admin_key):
        with self.lock:
            self.data = seed.initial_state(admin_key)
            self.save()

    def save(self):
        """Write the state atomically: a crash leaves the old file or the new one, whole."""
        if not self.state_file:
            return
        with self.lock:
            directory = os.path.dirname(os.path.abspath(self.state_file))
            fd, tmp = tempfile.mkstemp(prefix=".emulator-state-", dir=directory)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(self.data, handle, separators=(",", ":"))
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, self.state_file)
            except BaseException:
                if os.path.exists(tmp):
                    os.unlink(tmp)
                raise
            self.dirty = False

    def snapshot(self):
        with self.lock:
            return copy.deepcopy(self.data)

    # -- shortcuts -------------------------------------------------------------------
    def next_seq(self):
        self.data["seq"] += 1
        return self.data["seq"]

    def collection(self, name):
        return self.data[name]

    def cluster_children(self, cluster_id, kind, default=dict):
        """Per-cluster sub-resources, made on first use so idle clusters stay small."""
        children = self.data["cluster_children"].setdefault(cluster_id, {})
        if kind not in children:
            children[kind] = default()
        return children[kind]
