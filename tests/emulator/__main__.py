"""``python -m tests.emulator``: run the emulator from the repository root."""

import sys

from .cli import main

sys.exit(main())
