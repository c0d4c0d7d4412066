"""An answer fitted to the live document's schema: what the schema does not declare is left
out (the strict document refuses it), and integers where it declares a string (int64, which
protojson sends as a string) become strings."""

import functools

from .document import strict_document


def _resolve(document, schema):
    while "$ref" in schema:
        node = document
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def conform(value, schema, document=None):
    document = document or strict_document()
    schema = _resolve(document, schema or {})
    if isinstance(value, dict):
        props = schema.get("properties")
        if props is not None:
            return {k: conform(v, props[k], document) for k, v in value.items() if k in props}
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            return {k: conform(v, extra, document) for k, v in value.items()}
        return value
    if isinstance(value, list):
        return [conform(v, schema.get("items") or {}, document) for v in value]
    if schema.get("type") == "string" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


@functools.lru_cache(maxsize=None)
def _operations():
    document = strict_document()
    return {op["operationId"]: op for item in document["paths"].values()
            for op in item.values() if isinstance(op, dict) and "operationId" in op}


def answer_schema(operation_id, status):
    """The JSON schema of an operation's answer with ``status`` (else its 200), or None."""
    op = _operations().get(operation_id)
    response = op and (op["responses"].get(str(status)) or op["responses"].get("200"))
    if response is None:
        return None
    content = (_resolve(strict_document(), response).get("content") or {}).get("application/json")
    return content["schema"] if content else None
