"""API key secrets in the service's shape: ``CCDB1_<22 chars>_<40 chars>``."""

import hashlib
import re
import secrets
import string

_ALPHABET = string.ascii_letters + string.digits
SECRET_RE = re.compile(r"^(CCDB1_[A-Za-z0-9]{22})_[A-Za-z0-9]{40}$")


def _random(length):
    return "".join(secrets.choice(_ALPHABET) for _unused in range(length))


def new_secret():
    return "CCDB1_%s_%s" % (_random(22), _random(40))


def key_id_of(secret):
    """The key id is the public part of the secret; None when it is not a key secret."""
    match = SECRET_RE.match(secret or "")
    return match.group(1) if match else None


def digest(secret):
    return hashlib.sha256(secret.encode()).hexdigest()
