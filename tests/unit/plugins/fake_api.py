# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A small stateful stand-in for the CockroachDB Cloud API, for the plugin unit tests.

It serves the read operations that the inventory and lookup plugins use, over real HTTP on
127.0.0.1 (so the real client, with its pagination, runs), and records every request:

- ``GET /api/v1/clusters`` (``show_inactive``, ``pagination.limit``/``pagination.page``),
- ``GET /api/v1/folders`` (paginated),
- ``GET /api/v1/clusters/<id>`` and ``GET /api/v1/clusters/<id>/connection-string``.

Pages hold ``pagination.limit`` items (default 100, at most 500, as the service) and the
page token is an offset. A wrong bearer token gets 401. ``errors`` holds scripted answers
(``(status, message)``) given before anything else, one per request.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import threading
import uuid

from http.server import BaseHTTPRequestHandler, HTTPServer
from socketserver import ThreadingMixIn
from urllib.parse import parse_qs, urlsplit

API_KEY = "CCDB1_abcdefghijklmnopqrstuv_0123456789abcdefghijklmnopqrstuvwxyzABCD"


def make_cluster(name, plan="SERVERLESS", provider="GCP", regions=None, state="CREATED", labels=None,
                 parent_id="root", cluster_id=None):
    """A cluster as the API shows it; ``regions`` maps region names to node counts."""
    cluster_id = cluster_id or str(uuid.uuid4())
    regions = regions or ({"us-central1": 0} if plan == "SERVERLESS" else {"us-east-1": 3})
    dns = "%s-%s.%s-%s.cockroachlabs.cloud" % (name, cluster_id[:4], provider.lower(), sorted(regions)[0])
    return {
        "id": cluster_id, "name": name, "cloud_provider": provider, "plan": plan, "state": state,
        "operation_status": "UNSPECIFIED", "cockroach_version": "v24.3.8", "upgrade_status": "FINALIZED",
        "creator_id": "c0ffee00-0000-4000-8000-000000000000", "created_at": "2024-11-27T09:17:14.804727Z",
        "updated_at": "2024-11-27T09:17:14.804727Z", "account_id": "", "parent_id": parent_id,
        "labels": dict(labels or {}), "delete_protection": "DISABLED", "egress_traffic_policy": "ALLOW_ALL",
        "network_visibility": "PUBLIC", "sql_dns": dns,
        "regions": [{"name": region, "sql_dns": dns, "node_count": count} for region, count in regions.items()],
        "config": {"serverless": {"routing_id": name}} if plan == "SERVERLESS" else {"dedicated": {"num_virtual_cpus": 4}},
    }


def make_folder(name, parent=None, folder_id=None):
    """A folder as the API shows it; ``parent`` is another folder dict or None (root)."""
    return {"resource_id": folder_id or str(uuid.uuid4()), "name": name,
            "parent_id": parent["resource_id"] if parent else "root",
            "path": (parent["path"] if parent else "") + "/" + name}


class _Handler(BaseHTTPRequestHandler):

    def log_message(self, format, *args):  # pylint: disable=redefined-builtin
        pass

    def _answer(self, status, body):
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        split = urlsplit(self.path)
        query = dict((k, v[0]) for k, v in parse_qs(split.query).items())
        api = self.server
        with api.lock:
            api.requests.append(("GET", split.path, query))
            error = api.errors.pop(0) if api.errors else None
        if error is not None:
            return self._answer(error[0], {"code": error[0], "message": error[1], "details": []})
        if self.headers.get("Authorization") != "Bearer %s" % api.api_key:
            return self._answer(401, {"code": 401, "message": "invalid or revoked API key", "details": []})
        parts = [p for p in split.path.split("/") if p]
        if split.path == "/api/v1/clusters":
            inactive = query.get("show_inactive") == "true"
            items = [c for c in api.clusters if inactive or c["state"] != "DELETED"]
            return self._answer(200, self._page("clusters", items, query))
        if split.path == "/api/v1/folders":
            return self._answer(200, self._page("folders", api.folders, query))
        if parts[:3] == ["api", "v1", "clusters"] and len(parts) in (4, 5):
            cluster = next((c for c in api.clusters if c["id"] == parts[3]), None)
            if cluster is None:
                return self._answer(404, {"code": 404, "message": "cluster not found", "details": []})
            if len(parts) == 4:
                return self._answer(200, cluster)
            if parts[4] == "connection-string":
                user = query.get("sql_user")
                return self._answer(200, {"connection_string": "postgresql://%s%s:26257/%s?sslmode=verify-full%s" % (
                    user + "@" if user else "", cluster["sql_dns"], query.get("database") or "defaultdb",
                    "&os=" + query["os"] if query.get("os") else "")})
        return self._answer(404, {"code": 404, "message": "not found: %s" % split.path, "details": []})

    @staticmethod
    def _page(key, items, query):
        limit = int(query.get("pagination.limit") or 100)
        if not 1 <= limit <= 500:
            raise ValueError(limit)
        offset = int(query.get("pagination.page") or 0)
        pagination = {"time": "2024-11-27T09:17:14Z"}
        if offset + limit < len(items):
            pagination["next"] = str(offset + limit)
        return {key: items[offset:offset + limit], "pagination": pagination}


class FakeApi(ThreadingMixIn, HTTPServer):
    """The fake API in a thread: ``clusters`` and ``folders`` are lists of API objects."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, clusters=(), folders=(), api_key=API_KEY):
        HTTPServer.__init__(self, ("127.0.0.1", 0), _Handler)
        self.clusters = list(clusters)
        self.folders = list(folders)
        self.api_key = api_key
        self.requests = []
        self.errors = []
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.01})
        self.thread.daemon = True
        self.thread.start()

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self.server_address[1]

    def paths(self):
        return [path for _method, path, _query in self.requests]

    def clear(self):
        del self.requests[:]

    def stop(self):
        self.shutdown()
        self.server_close()
        self.thread.join(5)
