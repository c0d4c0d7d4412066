"""A local CockroachDB Cloud API emulator, built from the project's copy of the contract.

Start it with ``python -m tests.emulator``; ``--help`` lists the options.
"""

from .app import create_app
from .config import EmulatorConfig

__all__ = ["create_app", "EmulatorConfig"]
