# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""The reading side of every kind, from the same description as the managing module:

    TASK = ModuleTask(ARGUMENT_SPEC, lambda ctx: listing_info(ctx, Databases, "databases"))

An info module never changes anything and always returns ``changed: false``. A scope that
does not exist (an unknown cluster) is an error that names it.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import refuse_blank


def _reading(description, ctx):
    """An instance of ``description`` for reading, with its scope checked."""
    reader = description(ctx)
    reader.scope.check_input()
    return reader


def _raise_missing_scope(reader, error):
    missing = reader.scope.not_found(error)
    if missing is not None:
        raise missing from None
    raise error


def listing_info(ctx, description, result_key, key_option="name", present=None, order=None, query=None,
                 id_option=None, every="one"):
    """Every member of a Collection or Set (all pages), or those whose key is the task's
    ``key_option``; ``present(item)`` shapes each, ``order`` sorts them. ``query``: the
    listing's own filters (``{"start_time": ...}``), sent with every page.

    ``id_option``: an option that names one member of a Collection by id: when the task gives
    it, one GET of that member (``Collection.by_id``) instead of the listing, none when it
    answers 404; ``key_option`` still filters it. A blank key or id is refused: "leave it out
    to list every <every>"."""
    wanted = ctx.params.get(key_option) if key_option else None
    for option in (key_option, id_option):
        if option:
            refuse_blank(ctx.params, option, "leave it out to list every %s" % every)
    reader = _reading(description, ctx)
    try:
        if id_option and ctx.params.get(id_option):
            found = reader.by_id(ctx.params[id_option])
            items = [found] if found else []
        else:
            items = reader.read_listing(params=query)
    except ApiError as error:
        _raise_missing_scope(reader, error)
    if wanted is not None:
        items = [item for item in items if item.get(reader.key) == wanted]
    items = [present(item) if present else dict(item) for item in items]
    return {"changed": False, result_key: order(items) if order else items}


def singleton_info(ctx, description, result_key):
    """The object of a Singleton, or {} when it is not configured."""
    reader = _reading(description, ctx)
    try:
        reader.scope.check_plan()
        value = reader.lookup()
    except ApiError as error:
        _raise_missing_scope(reader, error)
    return {"changed": False, result_key: reader.public(value)}


def singletons_info(ctx, descriptions, result_key, scope=None):
    """Several Singletons of one scope (the metric exports of a cluster: ``descriptions``
    maps a name to a description), the scope resolved once: ``{result_key: {name: object
    or {}}}``. One the scope cannot have (``unavailable()``) is {} without a request.
    ``scope``: the scope to read them in (a class or factory taking the context), by
    default the first description's."""
    found = {}
    if scope is not None:
        scope = scope(ctx)
        scope.check_input()
    for name, description in descriptions.items():
        reader = description(ctx)
        if scope is None:
            reader.scope.check_input()
            scope = reader.scope
        reader.scope = scope
        try:
            scope.check_plan()
            found[name] = {} if reader.unavailable() else reader.public(reader.lookup())
        except ApiError as error:
            _raise_missing_scope(reader, error)
    return {"changed": False, result_key: found}
