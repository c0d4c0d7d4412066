# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""What every part of the kit shares: the context a task runs in, bad input, data paths
(``"config.serverless.spend_limit"``), masking of secrets, and the result of a task."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import contextlib
import copy
from urllib.parse import quote

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import Failure, WaitTimeout

MASK = "********"


class InvalidInput(Failure):
    """Bad input found before any request that would change something (or a check after a
    change that went through, such as writing a file: then ``last`` and ``result``, see
    ``_client.Failure``)."""


def refuse_blank(params, option, hint):
    """Refuse ``option`` given as blank text ("" or spaces), which would otherwise read as left
    out or name nothing: "<option> must not be empty: <hint>"."""
    value = params.get(option)
    if value is not None and not str(value).strip():
        raise InvalidInput("%s must not be empty: %s" % (option, hint))


def _shown(value):
    return str(value).lower() if isinstance(value, bool) else str(value)


def _listed(words):
    return words[0] if len(words) == 1 else "%s and %s" % (", ".join(words[:-1]), words[-1])


class OnlyWith(object):
    """A rule of a task's input: ``options`` are used only when the option ``when`` is one of
    ``values`` (``OnlyWith("site", "type", "datadog")``), or, without ``values``, only when
    ``when`` is set at all (``OnlyWith("auth_principal", "region_specs")``). An option set
    otherwise would be dropped without a word: ``check_only_with`` refuses it before any
    request (``warn=True``: a warning, for what roles and loops write legitimately, such as the
    settings of a resource that ``state=absent`` deletes).

    - ``options``: an option (a dotted path for a sub-option) or a tuple of them.
    - ``values``: a value of ``when`` or a tuple of them. A ``when`` left unset (None) with
      ``values`` cannot be judged here: the rule passes (the description checks it once it
      knows, as the log export's type by the cluster's provider).
    - ``unset``: the value of the options that counts as not given: their default in the
      argument spec (``on_create``, ``False``), which a task cannot tell from leaving them out.
    - ``hint``: what to do instead, after the message (``to delete the folder, leave {it} out``:
      ``{it}`` is "it" or "them", as many options as the task gives).
    """

    def __init__(self, options, when, values=None, unset=None, warn=False, hint=None):
        self.options = (options,) if isinstance(options, str) else tuple(options)
        self.when = when
        self.values = None if values is None else (values if isinstance(values, tuple) else (values,))
        self.unset = unset
        self.warn = warn
        self.hint = hint

    def applies(self, params):
        """Whether the options are used with these ``params`` (None: cannot tell yet)."""
        have = get_path(params, self.when)
        if self.values is None:
            return have is not None
        return None if have is None else have in self.values

    def given(self, params):
        """The options that the task sets (to another value than ``unset``)."""
        return [o for o in self.options if get_path(params, o) is not None and get_path(params, o) != self.unset]

    def condition(self):
        """``type=datadog`` (``or type=...``), or the option ``when`` itself."""
        if self.values is None:
            return self.when
        return " or ".join("%s=%s" % (self.when, _shown(v)) for v in self.values)

    def problem(self, params):
        """The message about ``params``, or None when they keep the rule."""
        given = self.given(params)
        if not given or self.applies(params) is not False:
            return None
        have = get_path(params, self.when)
        message = "%s only appl%s with %s" % (_listed(given), "ies" if len(given) == 1 else "y", self.condition())
        if self.values is not None and not isinstance(have, bool):
            message += ", not with %s=%s" % (self.when, _shown(have))
        it = "it" if len(given) == 1 else "them"
        hint = self.hint.format(it=it) if self.hint else None
        if self.warn:
            return "%s: %s not used%s" % (message, "it is" if len(given) == 1 else "they are",
                                          " (%s)" % hint if hint else "")
        return "%s: %s" % (message, hint or "leave %s out" % it)


def check_only_with(rules, params, warn=None):
    """Refuse (InvalidInput) the options that ``rules`` (OnlyWith) say this task does not use,
    all of them in one message, before any request; then warn (``warn(message)``) about the
    ones of the rules that only warn."""
    refused, warned = [], []
    for rule in rules:
        message = rule.problem(params)
        if message:
            (warned if rule.warn else refused).append(message)
    if refused:
        raise InvalidInput("; ".join(refused))
    for message in warned:
        if warn is not None:
            warn(message)


class Context(object):
    """What resource logic needs from whoever runs it (a module process or, later, an action
    plugin): the API client, the task's parameters, check and diff mode, and warnings."""

    def __init__(self, client, params, check_mode=False, diff=False, warn=None):
        self.client = client
        self.params = params
        self.check_mode = check_mode
        self.diff = diff
        self.warnings = []
        self._warn = warn

    def warn(self, message):
        self.warnings.append(message)
        if self._warn:
            self._warn(message)


# -- data paths --------------------------------------------------------------------------

def get_path(data, path, default=None):
    """``data["a"]["b"]`` for ``"a.b"``; ``default`` when any step is missing or None."""
    for part in path.split("."):
        if not isinstance(data, dict) or data.get(part) is None:
            return default
        data = data[part]
    return data


def set_path(data, path, value):
    """Set ``data["a"]["b"] = value`` for ``"a.b"``, making the dicts on the way."""
    parts = path.split(".")
    for part in parts[:-1]:
        if not isinstance(data.get(part), dict):
            data[part] = {}
        data = data[part]
    data[parts[-1]] = value
    return value


def clean(value):
    """``value`` without its unset (None) entries, in nested dicts too."""
    if isinstance(value, dict):
        return dict((k, clean(v)) for k, v in value.items() if v is not None)
    return value


def as_int(value):
    """An integer of either wire format: a number (the contract) or its digits as a string
    (the live service's int64, protojson's way); anything else as it is."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


def subset_differs(current, desired):
    """True when an entry ``desired`` sets (None = not managed) differs from ``current``.

    Nested dicts compare recursively on the keys set; lists and scalars whole.
    """
    if isinstance(desired, dict) and isinstance(current, dict):
        return any(v is not None and subset_differs(current.get(k), v) for k, v in desired.items())
    if isinstance(desired, dict) and current is None:
        return any(v is not None for v in desired.values())
    return desired != current


def path_segment(value):
    """``value`` as one URL path segment: percent-encoded, and never a dot segment (``.``
    or ``..`` would be removed from the URL by the HTTP library)."""
    text = quote(str(value), safe="")
    if text in (".", ".."):
        text = text.replace(".", "%2E")
    return text


def mask(value, secret_keys):
    """A copy of ``value`` with the values of ``secret_keys`` replaced by a mask."""
    if isinstance(value, dict):
        return dict((k, MASK if k in secret_keys and v is not None else mask(v, secret_keys))
                    for k, v in value.items())
    if isinstance(value, list):
        return [mask(v, secret_keys) for v in value]
    return value


def list_items(client, path, items, paginated=True, params=None):
    """Every member of the listing at ``path`` (under its key ``items``): all pages, or the one
    answer of a listing that the contract does not paginate (which refuses the page options).
    ``params``: the listing's own filters (such as ``start_time``), sent with every page."""
    if paginated:
        return client.list_all(path, items, params=params)
    return list(client.get(path, params=params).get(items) or [])


# -- results -----------------------------------------------------------------------------

def result(kind, changed, value, before, after, secrets=()):
    """A managing module's result: ``changed``, the resource under ``kind`` ({} when there is
    none) and the diff (mappings on both sides, secrets masked)."""
    return {"changed": changed,
            kind: mask(value, secrets) if value is not None else {},
            "diff": {"before": mask(before, secrets) if before is not None else {},
                     "after": mask(after, secrets) if after is not None else {}}}


class _LastSeen(object):
    def __init__(self, value):
        self.value = value


@contextlib.contextmanager
def changing(client, kind, value, public=copy.deepcopy):
    """Around the requests that change a resource and the wait after them: when something
    fails once a change went through, the failure still says ``changed: true`` and carries
    the resource as last seen (a create whose wait ran out did create the resource).
    Yields a holder whose ``value`` the caller keeps up to date with the API's answers."""
    seen = _LastSeen(value)
    mark = len(getattr(client, "calls", None) or [])
    try:
        yield seen
    except Failure as error:
        changed_since = getattr(client, "changed_since", None)
        if changed_since is not None and changed_since(mark):
            last = seen.value if error.last is None else error.last
            error.result = {"changed": True, kind: public(last) if last is not None else {}}
            if isinstance(error, WaitTimeout) and error.timed_out:
                error.args = ("%s; the change was made and goes on: run the task again (or with a longer "
                              "wait_timeout) to wait for it" % error,)
        raise
