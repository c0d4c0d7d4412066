"""Requests and responses checked against the contract with openapi-core, as readable messages."""

from openapi_core.contrib.flask import FlaskOpenAPIRequest
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIResponse
from openapi_core.templating.responses.exceptions import ResponseFinderError
from openapi_core.validation.request.exceptions import ParametersError
from openapi_core.validation.response.exceptions import DataValidationError
from openapi_core.validation.schemas.exceptions import InvalidSchemaValue


def _schema_messages(error):
    messages = []
    for schema_error in getattr(error, "schema_errors", []) or []:
        where = "/".join(str(part) for part in getattr(schema_error, "absolute_path", []))
        text = getattr(schema_error, "message", str(schema_error))
        messages.append("%s: %s" % (where, text) if where else text)
    return messages


def _details(errors, what):
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
            body_error = "body validation error" in text or isinstance(item, DataValidationError)
            if body_error and reasons:
                text = "invalid %s body" % what
            details.append({"error": text, "reasons": reasons})
    return details


def _summary(details):
    parts = []
    for detail in details:
        reason = "; ".join(detail["reasons"])
        parts.append("%s (%s)" % (detail["error"], reason) if reason else detail["error"])
    return "; ".join(parts)


def describe(errors):
    """Turn openapi-core request errors into (message, details) for the Error body."""
    details = _details(errors, "request")
    return "invalid request: " + _summary(details), details


class _RequestWithoutBody(FlaskOpenAPIRequest):
    """What a response check needs of the request: path and method, never the body (which
    may be over the size limit and must not be read)."""

    @property
    def body(self):
        return None


def check_response(openapi, request, response):
    """(reason, details) when a JSON response breaks the contract, else None.

    An error status the operation does not declare is not checked: the service answers
    403, 404 and others beyond the contract (NOTES.md). Every operation declares its
    success status, so an undeclared one below 400 is reported.
    """
    errors = list(openapi.iter_response_errors(_RequestWithoutBody(request),
                                               WerkzeugOpenAPIResponse(response)))
    if response.status_code >= 400:
        errors = [e for e in errors if not isinstance(e, ResponseFinderError)]
    if not errors:
        return None
    details = _details(errors, "response")
    return _summary(details), details
