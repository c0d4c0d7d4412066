"""The project's copy of the contract: loaded once, indexed by operationId."""

import dataclasses
import functools
import os

import yaml
from openapi_core import OpenAPI

SPEC_PATH = os.path.join(os.path.dirname(__file__), "openapi", "cockroach-cloud-openapi.yaml")
METHODS = ("get", "post", "put", "patch", "delete")


@dataclasses.dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    query_params: frozenset
    has_body: bool
    tags: tuple


@functools.lru_cache(maxsize=None)
def load_document(path=SPEC_PATH):
    """The parsed contract; cached and shared, so callers must not change it."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)


def _resolve(document, item):
    ref = item.get("$ref")
    if not ref:
        return item
    node = document
    for part in ref.lstrip("#/").split("/"):
        node = node[part]
    return node


def operations(document):
    """Every operation of the document, in document order."""
    result = []
    for path, item in document["paths"].items():
        shared = item.get("parameters", [])
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            params = [_resolve(document, p) for p in shared + op.get("parameters", [])]
            result.append(
                Operation(
                    operation_id=op["operationId"],
                    method=method.upper(),
                    path=path,
                    query_params=frozenset(p["name"] for p in params if p["in"] == "query"),
                    has_body="requestBody" in op,
                    tags=tuple(op.get("tags", ())),
                )
            )
    return result


@functools.lru_cache(maxsize=None)
def openapi(path=SPEC_PATH):
    """The openapi-core validator of the contract, for any host (``servers: [/]``)."""
    return OpenAPI.from_dict(dict(load_document(path), servers=[{"url": "/"}]))
