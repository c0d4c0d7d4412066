"""Features only DEDICATED clusters have: one check, one answer for every handler."""

from .errors import bad_request


def is_dedicated(cluster):
    return cluster["plan"] == "DEDICATED"


def require_dedicated(cluster, feature, verb="is"):
    """400 unless ``cluster`` is DEDICATED; ``feature`` names what was asked for."""
    if not is_dedicated(cluster):
        raise bad_request("%s %s only available on DEDICATED clusters; cluster %s is %s"
                          % (feature, verb, cluster["name"], cluster["plan"]))
