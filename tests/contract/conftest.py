"""The contract tests use the emulator fixtures of the emulator's own tests."""

from tests.emulator.tests.conftest import live_emulator  # noqa: F401  pylint: disable=unused-import
