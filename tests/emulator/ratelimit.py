"""Per-key token buckets: ``rate`` requests per second, bursts up to one second's worth."""

import math
import threading
import time


class RateLimiter:
    def __init__(self, rate):
        self.rate = float(rate)
        self._buckets = {}
        self._lock = threading.Lock()

    def check(self, key):
        """Return 0 when the request may go, else the whole seconds to wait (>= 1)."""
        if self.rate <= 0:
            return 0
        now = time.monotonic()
        with self._lock:
            capacity = max(1.0, self.rate)  # below 1/s a bucket must still hold one request
            tokens, last = self._buckets.get(key, (capacity, now))
            tokens = min(capacity, tokens + (now - last) * self.rate)
            if tokens >= 1:
                self._buckets[key] = (tokens - 1, now)
                return 0
            self._buckets[key] = (tokens, now)
            return max(1, math.ceil((1 - tokens) / self.rate))
