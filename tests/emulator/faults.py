"""Injected faults: extra latency, error answers and dropped connections, seeded."""

import random
import threading


class FaultInjector:
    def __init__(self, rate=0.0, seed=None, kinds=("503", "502", "drop"), latency_ms=0.0):
        self._lock = threading.Lock()
        self.configure(rate=rate, seed=seed, kinds=kinds, latency_ms=latency_ms)

    def configure(self, rate=0.0, seed=None, kinds=("503", "502", "drop"), latency_ms=0.0):
        rate = float(rate)
        if not 0.0 <= rate <= 1.0:
            raise ValueError("fault rate must be between 0 and 1")
        if float(latency_ms) < 0:
            raise ValueError("latency must be 0 ms or more")
        kinds = tuple(str(k) for k in kinds)
        if rate > 0 and not kinds:
            raise ValueError("fault kinds must not be empty")
        for kind in kinds:
            if kind != "drop" and not (kind.isdigit() and 400 <= int(kind) <= 599):
                raise ValueError("fault kind %r is not an HTTP error status or 'drop'" % kind)
        with self._lock:
            self.rate, self.seed, self.kinds = rate, seed, kinds
            self.latency_ms = float(latency_ms)
            self._random = random.Random(seed)

    def describe(self):
        return {"rate": self.rate, "seed": self.seed, "kinds": list(self.kinds),
                "latency_ms": self.latency_ms}

    def draw(self):
        """The fault for the next request: None, an HTTP status (int) or "drop"."""
        if self.rate <= 0:
            return None
        with self._lock:
            if self._random.random() >= self.rate:
                return None
            kind = self._random.choice(self.kinds)
        return kind if kind == "drop" else int(kind)
