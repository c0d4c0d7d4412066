"""Backups and their configuration in the live wire format: the same requests as the
contract's. The configuration answers without ``cluster_id`` (``conform`` leaves it out) and
always with ``enabled`` (the handler has it); a backup is ``{id, as_of_time}`` in both.
Nothing to translate: this module only says so, and its tests (test_live_backups.py) hold
the emulator to it."""
