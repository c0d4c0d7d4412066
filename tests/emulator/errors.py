"""The API's error answer: ``{code, message, details}`` with ``code`` the HTTP status."""


class ApiError(Exception):
    """Raised anywhere in a request; the app turns it into the Error body."""

    def __init__(self, status, message, details=None, headers=None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.details = details or []
        self.headers = headers or {}

    def body(self):
        return {"code": self.status, "message": self.message, "details": self.details}


def bad_request(message, details=None):
    return ApiError(400, message, details)


def not_found(kind, ident):
    return ApiError(404, "%s %r not found" % (kind, ident))


def conflict(message):
    return ApiError(409, message)


def cluster_busy(cluster):
    return ApiError(
        503,
        "cluster %s is locked: an operation is in progress (state %s); retry later"
        % (cluster["id"], cluster["state"]),
    )
