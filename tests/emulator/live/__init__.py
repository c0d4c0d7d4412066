"""The live wire format (``--contract live``): the 89 operations of the contract served in the
shapes of the live service's document, on the same handlers.

A request is validated against the strict live document, then turned into the contract's
shape (``to_contract``); the handler's answer is turned into the live shape (``to_live``) and
fitted to the live schema (``conform``). Each resource's differences live in a module of
this package, registered per operationId with ``@request(...)`` and ``@answer(...)``; what
the live service stores and the contract has no field for is kept on the resource under
the private key ``_live`` (``extras``).
"""

import importlib
import pkgutil

from .conform import answer_schema, conform

REQUESTS = {}
ANSWERS = {}
# path parameters the live document names otherwise: operationId -> {live name: contract name}
PATH_PARAMS = {}


def request(*operation_ids):
    """``func(call) -> None``: rewrite ``call.body``/``call.query``/``call.path`` into the contract's shape."""
    def decorate(func):
        for operation_id in operation_ids:
            if operation_id in REQUESTS:
                raise RuntimeError("two live request translations for %s" % operation_id)
            REQUESTS[operation_id] = func
        return func
    return decorate


def answer(*operation_ids):
    """``func(call, answer) -> answer``: the handler's answer in the live shape."""
    def decorate(func):
        for operation_id in operation_ids:
            if operation_id in ANSWERS:
                raise RuntimeError("two live answer translations for %s" % operation_id)
            ANSWERS[operation_id] = func
        return func
    return decorate


class Call:
    """One live request on its way to a handler: body, query and path parameters (changed in
    place by the request translation), the emulator (its store) and what the translation
    wants to keep for the answer (``notes``)."""

    def __init__(self, emu, operation_id, body, query, path):
        self.emu = emu
        self.operation_id = operation_id
        self.body = body
        self.query = query
        self.path = path
        self.notes = {}

    @property
    def data(self):
        return self.emu.store.data


def extras(resource):
    """The live-only fields kept on a stored resource (a dict, created on first use)."""
    return resource.setdefault("_live", {})


def load():
    for info in pkgutil.iter_modules(__path__):
        if info.name not in ("document", "conform"):
            importlib.import_module("%s.%s" % (__name__, info.name))


def to_contract(call):
    renames = PATH_PARAMS.get(call.operation_id, {})
    call.path = {renames.get(k, k): v for k, v in call.path.items()}
    func = REQUESTS.get(call.operation_id)
    if func is not None:
        func(call)
    return call


def _pagination(value):
    """The contract's page info ``{next, last, time}`` as the live ``{next_page, previous_page}``."""
    if isinstance(value, dict) and isinstance(value.get("pagination"), dict):
        info = value["pagination"]
        value = dict(value, pagination={"next_page": info["next"]} if info.get("next") else {})
    return value


def to_live(call, value, status):
    value = _pagination(value)
    func = ANSWERS.get(call.operation_id)
    if func is not None:
        value = func(call, value)
    schema = answer_schema(call.operation_id, status)
    return conform(value, schema) if schema is not None else value
