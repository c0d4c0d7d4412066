"""Injected faults: extra latency, error answers and dropped connections, seeded.

A fault strikes either *before* the handler (nothing changes: ``503``, ``drop``) or *after*
it (``502-after``, ``drop-after``): the change is made and saved, then the answer is lost.
The second kind is what a client's "did my create go through?" logic exists for.
Faults can be aimed at some methods (``"mutating"`` for POST/PUT/PATCH/DELETE) or some
operations; other requests are not drawn for and never fault.
"""

import random
import threading

DEFAULT_KINDS = ("503", "502", "drop")
MUTATING = ("POST", "PUT", "PATCH", "DELETE")
AFTER = "-after"


class Fault(object):
    """One drawn fault: ``status`` (an int) or None for a dropped connection; ``after``
    when it strikes once the handler has run."""

    def __init__(self, kind):
        self.kind = kind
        base = kind[:-len(AFTER)] if kind.endswith(AFTER) else kind
        self.after = kind.endswith(AFTER)
        self.status = None if base == "drop" else int(base)

    @property
    def drop(self):
        return self.status is None


def check_kind(kind):
    base = kind[:-len(AFTER)] if kind.endswith(AFTER) else kind
    if base != "drop" and not (base.isdigit() and 400 <= int(base) <= 599):
        raise ValueError("fault kind %r is not an HTTP error status (400..599) or 'drop', "
                         "optionally with '-after'" % kind)


def normalize_methods(methods):
    """``None`` (every method), or an upper-case tuple; ``"mutating"`` stands for the four."""
    if methods is None:
        return None
    if isinstance(methods, str):
        methods = [methods]
    out = []
    for method in methods:
        method = str(method).upper()
        out.extend(MUTATING if method == "MUTATING" else [method])
    if not out:
        raise ValueError("fault methods must not be empty (omit them for every method)")
    return tuple(sorted(set(out)))


class FaultInjector:
    def __init__(self, rate=0.0, seed=None, kinds=DEFAULT_KINDS, latency_ms=0.0, methods=None, operations=None):
        self._lock = threading.Lock()
        self.configure(rate=rate, seed=seed, kinds=kinds, latency_ms=latency_ms, methods=methods,
                       operations=operations)

    def configure(self, rate=0.0, seed=None, kinds=DEFAULT_KINDS, latency_ms=0.0, methods=None, operations=None):
        rate = float(rate)
        if not 0.0 <= rate <= 1.0:
            raise ValueError("fault rate must be between 0 and 1")
        if float(latency_ms) < 0:
            raise ValueError("latency must be 0 ms or more")
        kinds = tuple(str(k) for k in kinds)
        if rate > 0 and not kinds:
            raise ValueError("fault kinds must not be empty")
        for kind in kinds:
            check_kind(kind)
        methods = normalize_methods(methods)
        if operations is not None:
            operations = tuple(str(o) for o in operations)
        with self._lock:
            self.rate, self.seed, self.kinds = rate, seed, kinds
            self.methods, self.operations = methods, operations
            self.latency_ms = float(latency_ms)
            self._random = random.Random(seed)
            self.injected = 0

    def describe(self):
        return {"rate": self.rate, "seed": self.seed, "kinds": list(self.kinds),
                "latency_ms": self.latency_ms,
                "methods": None if self.methods is None else list(self.methods),
                "operations": None if self.operations is None else list(self.operations),
                "injected": self.injected}

    def aimed_at(self, method, operation):
        return ((self.methods is None or method in self.methods)
                and (self.operations is None or operation in self.operations))

    def draw(self, method="GET", operation=None):
        """The fault for this request (a ``Fault``), or None."""
        if self.rate <= 0 or not self.aimed_at(method, operation):
            return None
        with self._lock:
            if self._random.random() >= self.rate:
                return None
            self.injected += 1
            return Fault(self._random.choice(self.kinds))
