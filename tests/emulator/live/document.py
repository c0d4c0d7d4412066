"""The live service's API document (the public SDK's OpenAPI, ``openapi/live-openapi.json``),
made strict for validation: an object schema with properties takes no other field, so a
request field the service would drop is a 400 here instead of a silent no-op there.

Some schemas require a key they do not declare (``../shared/spec/live/SOURCE.md``: persons
by email declare ``user`` and require ``users``, egress rule answers declare ``Rule`` and
require ``rule``; a cluster requires ``is_customer_cloud_account``, a private endpoint
connection ``region``). The service is the judge: such a key is declared (with the schema of
its other spelling when there is one) and required by neither.
"""

import copy
import functools
import json
import os

from openapi_core import OpenAPI

LIVE_PATH = os.path.join(os.path.dirname(os.path.dirname(__file__)), "openapi", "live-openapi.json")
PREFIX = "CockroachCloud_"

# a key required but undeclared -> its declared spelling
SPELLINGS = {"users": "user", "rule": "Rule"}


def _strict(node):
    if isinstance(node, dict):
        if "properties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
        for value in node.values():
            _strict(value)
    elif isinstance(node, list):
        for value in node:
            _strict(value)


def _accept_both(schemas):
    for schema in schemas.values():
        props = schema.get("properties")
        if props is None:
            continue
        undeclared = [key for key in schema.get("required", []) if key not in props]
        for key in undeclared:
            props[key] = props.get(SPELLINGS.get(key), {})
        if undeclared:
            schema["required"] = [r for r in schema["required"] if r not in undeclared]
            if not schema["required"]:
                del schema["required"]


@functools.lru_cache(maxsize=None)
def load_document(path=LIVE_PATH):
    """The live document as published, with its operationIds without ``CockroachCloud_``
    (the contract's names); cached and shared, so callers must not change it."""
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    for item in document["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId", "").startswith(PREFIX):
                op["operationId"] = op["operationId"][len(PREFIX):]
    return document


@functools.lru_cache(maxsize=None)
def strict_document(path=LIVE_PATH):
    document = copy.deepcopy(load_document(path))
    _accept_both(document["components"]["schemas"])
    _strict(document)
    return document


@functools.lru_cache(maxsize=None)
def openapi(path=LIVE_PATH):
    """The openapi-core validator of the strict live document, for any host."""
    return OpenAPI.from_dict(dict(strict_document(path), servers=[{"url": "/"}]))
