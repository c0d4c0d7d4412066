"""Emulator settings: what the command line and the test controls can change."""

import dataclasses
from typing import Optional

ONE_MIB = 1024 * 1024


@dataclasses.dataclass
class EmulatorConfig:
    host: str = "127.0.0.1"
    port: int = 0
    admin_key: Optional[str] = None
    state_file: Optional[str] = None
    # How long transitional states (CREATING, LOCKED, ENABLING, PENDING...) last.
    async_seconds: float = 0.0
    # Requests per second per API key; 0 turns the limit off.
    rate_limit: float = 10.0
    test_controls: bool = False
    # Share of API requests answered by an injected fault (0..1).
    fault_rate: float = 0.0
    fault_seed: Optional[int] = None
    # Faults to draw from: status codes as strings, or "drop" for a closed connection; with
    # "-after" ("502-after", "drop-after") the handler runs first and its answer is lost.
    fault_kinds: tuple = ("503", "502", "drop")
    # Only requests with these methods / operationIds fault; None: all.
    fault_methods: Optional[tuple] = None
    fault_operations: Optional[tuple] = None
    latency_ms: float = 0.0
    # Check every JSON answer of an operation against the contract; 500 when it breaks it.
    validate_responses: bool = False
    # The wire format served: "contract" (the project's contract) or "live" (the live
    # service's document, validated strictly; its operations beyond the contract answer 501).
    contract: str = "contract"
    max_body_bytes: int = ONE_MIB
    request_log_size: int = 100000
