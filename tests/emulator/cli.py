"""Command line: start the emulator, print one JSON line with its URL and admin key."""

import argparse
import os
import json
import logging
import signal
import sys

from waitress.server import create_server

from .app import create_app
from .config import EmulatorConfig
from .faults import FaultInjector


def _csv(text):
    return tuple(k.strip() for k in text.split(",") if k.strip())


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog=os.path.basename(sys.argv[0]) if not sys.argv[0].endswith("__main__.py") else "python -m tests.emulator",
        description="A local CockroachDB Cloud API emulator for tests and offline playbooks.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default %(default)s)")
    parser.add_argument("--port", type=int, default=0, help="port; 0 picks a free one (default)")
    parser.add_argument("--admin-key", help="secret of the bootstrap ORG_ADMIN service account's "
                        "API key (CCDB1_<22>_<40>); generated when absent")
    parser.add_argument("--state-file", help="keep the state in this JSON file across restarts")
    parser.add_argument("--async-seconds", type=float, default=0.0,
                        help="how long CREATING, LOCKED, ENABLING, PENDING... last (default 0)")
    parser.add_argument("--rate-limit", type=float, default=10.0,
                        help="requests per second per API key, 0 = off (default %(default)s)")
    parser.add_argument("--test-controls", action="store_true",
                        help="serve the /_emulator/ test controls (reset, seed, request log, faults)")
    parser.add_argument("--fault-rate", type=float, default=0.0,
                        help="share of API requests answered by an injected fault, 0..1")
    parser.add_argument("--fault-seed", type=int, help="seed of the fault draws (repeatable runs)")
    parser.add_argument("--fault-kinds", default="503,502,drop",
                        help="faults to draw from: HTTP statuses and 'drop', each optionally with '-after' "
                             "(the change is made, then the answer is lost) (default %(default)s)")
    parser.add_argument("--fault-methods", help="only requests with these methods fault (comma-separated; "
                        "'mutating' = POST,PUT,PATCH,DELETE); default every method")
    parser.add_argument("--fault-operations", help="only these operations fault (comma-separated operationIds)")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="added to every API request")
    parser.add_argument("--validate-responses", action="store_true",
                        help="check every API response against the contract (or the live document with "
                             "--contract live); answer 500 when one breaks it")
    parser.add_argument("--contract", choices=("contract", "live"), default="contract",
                        help="the wire format served: 'contract', the project's contract (default), or 'live', "
                             "the live service's document (requests validated strictly: an unknown field is a "
                             "400; its operations beyond the contract answer 501)")
    args = parser.parse_args(argv)
    if not 0.0 <= args.fault_rate <= 1.0:
        parser.error("--fault-rate must be between 0 and 1")
    kinds = _csv(args.fault_kinds)
    methods = _csv(args.fault_methods) if args.fault_methods else None
    operations = _csv(args.fault_operations) if args.fault_operations else None
    try:
        FaultInjector(args.fault_rate, args.fault_seed, kinds, args.latency_ms, methods, operations)
    except ValueError as exc:
        parser.error(str(exc))
    if args.rate_limit < 0 or args.async_seconds < 0:
        parser.error("--rate-limit and --async-seconds must be 0 or more")
    return EmulatorConfig(
        host=args.host, port=args.port, admin_key=args.admin_key, state_file=args.state_file,
        async_seconds=args.async_seconds, rate_limit=args.rate_limit,
        test_controls=args.test_controls, fault_rate=args.fault_rate, fault_seed=args.fault_seed,
        fault_kinds=kinds, fault_methods=methods, fault_operations=operations, latency_ms=args.latency_ms,
        validate_responses=args.validate_responses, contract=args.contract)


def main(argv=None):
    config = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="emulator: %(levelname)s %(message)s")
    app = create_app(config)
    # waitress: a production WSGI server, about 10% faster than werkzeug's here, keep-alive.
    server = create_server(app, host=config.host, port=config.port, threads=8,
                           ident="cockroach-cloud-emulator", channel_timeout=300)
    emu = app.extensions["emulator"]
    print(json.dumps({"url": "http://%s:%s" % (config.host, server.effective_port),
                      "admin_key": emu.admin_key, "pid": os.getpid(),
                      "test_controls": config.test_controls, "contract": config.contract}), flush=True)

    def stop(_signum, _frame):
        raise SystemExit(0)  # waitress closes its sockets on SystemExit

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        server.run()
    finally:
        emu.store.save()
    return 0
