# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""A client-side rate limiter shared by the processes of one machine, per API key.

The API allows 10 requests per second per API key and answers 429 beyond. Every fork of a
play (and the inventory, and lookups) has a client of its own; without a shared count they
storm the API together and spend their time waiting out 429 answers. Here, they share one
token bucket per API key: a small state file under the system's temporary directory (or
``$COCKROACH_RATE_LIMIT_DIR``), named after a hash of the key (never the key itself), read
and written under an exclusive ``fcntl.flock``.

The bucket is kept as a GCRA ("virtual scheduling"): the file holds one time, when the bucket
would be empty, so taking a token is one locked read and write, and a process that must wait
reserves its turn and sleeps outside the lock (first come, first served).

``COCKROACH_RATE_LIMIT``: requests per second (default 10; 0 turns the limiter off). The
burst is half a second's worth (at least one request): the service's bucket holds a whole
second's worth, and the difference absorbs the jitter between the moment a request leaves
here and the moment the service counts it, which would otherwise cost 429 answers.

Standard library only (it runs inside AnsiballZ modules too), and it never breaks a task:
when the state file cannot be used (no ``fcntl``, a directory that does not exist or cannot
be written, a file that is not ours), it does nothing.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import math
import os
import stat
import tempfile
import time

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no shared limiter
    fcntl = None

RATE_ENV = "COCKROACH_RATE_LIMIT"
DIR_ENV = "COCKROACH_RATE_LIMIT_DIR"
DEFAULT_RATE = 10.0
#: The burst, in seconds of the rate (at most the rate itself: see the module docstring).
BURST_SECONDS = 0.5
#: A reservation further ahead than this many requests cannot come from waiting processes:
#: the state is broken (or the clock jumped), and it starts again from now.
MAX_QUEUE = 1000
FILE_PREFIX = "cockroachdb-cloud-ratelimit-"
_SALT = b"cockroachdb.cloud rate limiter\x00"
_FORMAT = "v1 %.6f %.6f\n"  # the reservation time ("theoretical arrival time"), the time written


def rate_from_environment(environ=None):
    """Requests per second from ``COCKROACH_RATE_LIMIT``: the default when unset or not a
    number, 0 (off) for 0, a negative number or infinity."""
    value = (os.environ if environ is None else environ).get(RATE_ENV)
    if value is None or not str(value).strip():
        return DEFAULT_RATE
    try:
        rate = float(str(value).strip())
    except ValueError:
        return DEFAULT_RATE
    if math.isnan(rate):
        return DEFAULT_RATE
    if rate <= 0 or math.isinf(rate):
        return 0.0
    return rate


def state_file_name(api_key):
    """The state file's name for ``api_key``: a hash of it, never the key."""
    digest = hashlib.sha256(_SALT + str(api_key or "").strip().encode("utf-8")).hexdigest()
    return FILE_PREFIX + digest[:32]


class RateLimiter(object):
    """A token bucket of ``rate`` requests per second and ``burst`` requests at once, shared
    through a state file by every limiter (in any process) of the same API key.

    ``acquire()`` takes a token, sleeping until one is due, and returns the seconds it slept.
    ``clock`` must be a time every process of the machine shares (``time.time``); a clock
    that goes back is detected and the reservations move back with it.
    """

    def __init__(self, api_key, rate=DEFAULT_RATE, burst=None, directory=None, clock=time.time, sleep=time.sleep):
        self.rate = float(rate or 0)
        if not self.rate > 0 or math.isinf(self.rate):
            self.rate = 0.0
        if burst is None:
            burst = self.rate * BURST_SECONDS
        self.burst = max(1.0, min(float(burst), self.rate)) if self.rate else 0.0
        self._clock = clock
        self._sleep = sleep
        self.path = None
        if self.rate and fcntl is not None:
            try:
                directory = directory or tempfile.gettempdir()
                self.path = os.path.join(directory, state_file_name(api_key))
            except Exception:  # pylint: disable=broad-except
                self.path = None

    @classmethod
    def from_environment(cls, api_key, environ=None, **options):
        """A limiter for ``api_key`` with the rate (``COCKROACH_RATE_LIMIT``) and the directory
        (``COCKROACH_RATE_LIMIT_DIR``) of ``environ`` (default ``os.environ``)."""
        environ = os.environ if environ is None else environ
        options.setdefault("directory", environ.get(DIR_ENV) or None)
        return cls(api_key, rate=rate_from_environment(environ), **options)

    @property
    def enabled(self):
        return self.path is not None

    def acquire(self):
        """Take a token: return at once, or sleep until one is due. Returns the seconds slept
        (0.0 when the limiter is off or its state file cannot be used)."""
        if self.path is None:
            return 0.0
        try:
            wait = self._reserve()
        except Exception:  # pylint: disable=broad-except
            return 0.0  # never break a task over the limiter
        if wait > 1e-6:  # less is rounding
            self._sleep(wait)
            return wait
        return 0.0

    def _reserve(self):
        """Reserve the next token under the lock; return how long to wait for it."""
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.path, flags, 0o600)
        try:
            info = os.fstat(fd)
            # Only a regular file of ours: another user's file could make us wait forever.
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
                return 0.0
            fcntl.flock(fd, fcntl.LOCK_EX)
            now = self._clock()
            tat = self._read(fd, now)
            interval = 1.0 / self.rate
            tat = max(tat, now)
            wait = max(0.0, tat - (self.burst - 1.0) * interval - now)
            os.ftruncate(fd, 0)
            os.pwrite(fd, (_FORMAT % (tat + interval, now)).encode("ascii"), 0)
            return wait
        finally:
            os.close(fd)  # also releases the lock

    def _read(self, fd, now):
        """The reservation time in the file (``now`` for an empty or broken file), moved back
        as far as the clock went back since it was written."""
        try:
            fields = os.pread(fd, 128, 0).decode("ascii").split()
            if len(fields) != 3 or fields[0] != "v1":
                return now
            tat, written = float(fields[1]), float(fields[2])
        except (ValueError, UnicodeDecodeError):
            return now
        if not (math.isfinite(tat) and math.isfinite(written)):
            return now
        if now < written:  # the clock went back
            tat -= written - now
        if tat - now > MAX_QUEUE / self.rate:
            return now
        return tat
