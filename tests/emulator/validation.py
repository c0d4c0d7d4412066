"""Request validation against the contract with openapi-core, as readable messages."""

from openapi_core.validation.request.exceptions import ParametersError
from openapi_core.validation.schemas.exceptions import InvalidSchemaValue


def _schema_messages(error):
    messages = []
    for schema_error in getattr(error, "schema_errors", []) or []:
        where = "/".join(str(part) for part in getattr(schema_error, "absolute_path", []))
        text = getattr(schema_error, "message", str(schema_error))
        messages.append("%s: %s" % (where, text) if where else text)
    return messages


def describe(errors):
    """Turn openapi-core errors into (message, details) for the Error body."""
    details = []
    for error in errors:
        nested = error.errors if isinstance(error, ParametersError) else [error]
        for item in nested:
            text = str(item)
            cause = item.__cause__
            reasons = []
            while cause is not None:
                if isinstance(cause, InvalidSchemaValue):
                    reasons.extend(_schema_messages(cause))
                    break
                reasons.append(str(cause))
                cause = cause.__cause__
            if isinstance(item, InvalidSchemaValue):
                reasons.extend(_schema_messages(item))
            if "Request body validation error" in text and reasons:
                text = "invalid request body"
            details.append({"error": text, "reasons": reasons})
    parts = []
    for detail in details:
        reason = "; ".join(detail["reasons"])
        parts.append("%s (%s)" % (detail["error"], reason) if reason else detail["error"])
    return "invalid request: " + "; ".join(parts), details
