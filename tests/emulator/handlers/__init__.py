"""Operation handlers, one module per tag of the contract."""

import importlib
import pkgutil


def load():
    """Import every handler module so that each registers its operations."""
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module("%s.%s" % (__name__, info.name))
