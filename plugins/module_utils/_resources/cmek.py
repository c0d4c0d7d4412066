# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""A dedicated cluster's customer-managed encryption keys (CMEK): a Singleton of the kit at
``/clusters/{id}/cmek``, set up with POST, its key specification replaced with PUT, and the
explicit actions ``rotate`` and ``revoke`` (PATCH ``{status: ROTATE|REVOKE}``), which a re-run
never implies.

A region spec is ``{region, key: {type, uri, auth_principal}}``; the specs are compared as a
set keyed by region (sorted), the key type defaulting to the one the URI's shape says (and
refused when it does not fit the cluster's cloud provider).

The live service names the key ``key_spec`` in requests, answers ``{status, region_infos:
[{region, status, key_infos: [{spec, status, ...}]}]}`` (the keys each region had, the current
one not DISABLED), and takes only ``{action: REVOKE}`` to change the status: it rotates a key
by a new key specification, so ``action=rotate`` is refused there before any change."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import (
    InvalidInput,
    OnlyWith,
    changing,
    clean,
    get_path,
    set_path,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.singleton import Singleton
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.waiters import Waiter
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._aws_patterns import ROLE_ARN_RE
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import dedicated_cluster
from ansible_collections.cockroachdb.cloud.plugins.module_utils._times import parse_time

KEY_TYPE_OF_PROVIDER = {"AWS": "AWS_KMS", "GCP": "GCP_CLOUD_KMS", "AZURE": "AZURE_KEY_VAULT"}
KEY_TYPES = ("AWS_KMS", "GCP_CLOUD_KMS", "AZURE_KEY_VAULT")
# type -> (the URI's form, how to name it in a message)
KEY_URIS = {
    "AWS_KMS": (re.compile(r"^arn:aws(-us-gov|-cn)?:kms:[a-z]{2}(-gov)?-[a-z]+-\d:\d{12}:(key|alias)/[A-Za-z0-9/_+=.@-]{1,256}$"),
                "the ARN of an AWS KMS key, such as arn:aws:kms:us-east-1:123456789012:key/"
                "1234abcd-12ab-34cd-56ef-1234567890ab"),
    "GCP_CLOUD_KMS": (re.compile(r"^projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/locations/[a-z0-9-]+/keyRings/[A-Za-z0-9_-]{1,63}"
                                 r"/cryptoKeys/[A-Za-z0-9_-]{1,63}$"),
                      "the resource name of a Cloud KMS key, such as projects/my-project/locations/us-central1/"
                      "keyRings/cockroach/cryptoKeys/cmek"),
    "AZURE_KEY_VAULT": (re.compile(r"^https://[A-Za-z0-9-]{3,24}\.vault\.azure\.net/keys/[A-Za-z0-9-]{1,127}"
                                   r"(/[0-9a-fA-F]{32})?$"),
                        "the URL of an Azure Key Vault key, such as https://my-vault.vault.azure.net/keys/cmek"),
}
# type -> (the principal's form, how to name it); Azure's is not checked.
PRINCIPALS = {
    "AWS_KMS": (ROLE_ARN_RE, "the ARN of an AWS IAM role, such as arn:aws:iam::123456789012:role/cockroach-cmek"),
    "GCP_CLOUD_KMS": (re.compile(r"^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9-]{4,28}[a-z0-9]\.iam\.gserviceaccount\.com$"),
                      "the email of a GCP service account, such as cockroach-cmek@my-project.iam.gserviceaccount.com"),
}
# action -> (what PATCH sends, the status while it runs, the status it ends in)
ACTIONS = {"rotate": ("ROTATE", "ROTATING", "ENABLED"), "revoke": ("REVOKE", "REVOKING", "REVOKED")}

CMEK_READY = Waiter("status", pending=("ENABLING", "ROTATING", "REVOKING"),
                    failed=("ENABLE_FAILED", "ROTATE_FAILED", "REVOKE_FAILED"))


def key_type_of(uri):
    """The key type whose URI form ``uri`` has, or None."""
    return next((key_type for key_type, (form, _words) in KEY_URIS.items() if form.match(uri)), None)


def check_region_specs(specs, auth_principal=None):
    """The task's region specs, checked (no request) and in canonical form: sorted by region,
    each key with its type (given, else the one of its URI's form) and its principal (its own,
    else ``auth_principal``). Raises InvalidInput."""
    if not specs:
        raise InvalidInput("region_specs must name at least one region and its key")
    checked, seen = [], {}
    for index, spec in enumerate(specs):
        where = "region_specs[%d]" % index
        region = (spec.get("region") or "").strip()
        if not region:
            raise InvalidInput("%s needs a region, one of the cluster's" % where)
        if region in seen:
            raise InvalidInput("region_specs[%d] and %s both give a key for %s; give one key per region"
                               % (seen[region], where, region))
        seen[region] = index
        key = spec.get("key") or {}
        uri = (key.get("uri") or "").strip()
        if not uri:
            raise InvalidInput("%s.key needs the uri of the key" % where)
        found = key_type_of(uri)
        key_type = key.get("type") or found
        if key_type is None:
            raise InvalidInput("%s.key.uri %r is not a key URI: give %s; %s; or %s" % (
                where, uri, KEY_URIS["AWS_KMS"][1], KEY_URIS["GCP_CLOUD_KMS"][1], KEY_URIS["AZURE_KEY_VAULT"][1]))
        if found != key_type:
            raise InvalidInput("%s.key.uri must be %s for type %s; got %r" % (where, KEY_URIS[key_type][1], key_type, uri))
        principal = key.get("auth_principal") or auth_principal
        if not principal:
            raise InvalidInput("%s.key needs an auth_principal (or give auth_principal for every region)" % where)
        if key_type in PRINCIPALS and not PRINCIPALS[key_type][0].match(principal):
            raise InvalidInput("%s.key.auth_principal must be %s for type %s; got %r"
                               % (where, PRINCIPALS[key_type][1], key_type, principal))
        checked.append({"region": region, "key": {"type": key_type, "uri": uri, "auth_principal": principal}})
    return sorted(checked, key=lambda spec: spec["region"])


def _api_spec(spec):
    key = spec.get("key") or spec.get("key_spec") or {}
    return {"region": spec.get("region"), "key": dict((k, key.get(k)) for k in ("type", "uri", "auth_principal"))}


def _api_specs(value):
    return sorted((_api_spec(spec) for spec in value), key=lambda spec: spec["region"] or "")


#: Statuses of a key that a region no longer uses (the live service lists its past keys).
PAST_KEY_STATUSES = ("DISABLED", "DISABLING", "DISABLE_FAILED")


def _moment(value):
    try:
        return parse_time(value, "time") if value else None
    except InvalidInput:
        return None


def _current_key(key_infos):
    """The key a region uses among the ``key_infos`` the live service lists: the newest one
    (``created_at``, else the last listed) that is not disabled; the newest of all when every
    one is."""
    infos = [info for info in key_infos or [] if isinstance(info, dict)]
    if not infos:
        return None
    using = [info for info in infos if info.get("status") not in PAST_KEY_STATUSES] or infos

    def newness(pair):
        index, info = pair
        moment = _moment(info.get("created_at"))
        return (moment is not None, moment.timestamp() if moment is not None else 0, index)

    newest = max(enumerate(using), key=newness)[1]
    return newest.get("spec") or {}


def _region_infos_specs(infos):
    """``region_infos`` (the live answer) as the options' region specs."""
    return _api_specs({"region": info.get("region"), "key": _current_key(info.get("key_infos"))}
                      for info in infos or [] if _current_key(info.get("key_infos")) is not None)


class _RegionSpecs(Field):
    """``region_specs``: read from ``spec.region_specs`` (the contract) or ``region_infos``
    (the live service), whichever the answer has; sent with ``key`` or, in the live format
    (``shape``), ``key_spec``, and predicted in the shape of the server's answers."""

    shape = "contract"

    def read(self, resource):
        if isinstance((resource or {}).get("region_infos"), list):
            return _region_infos_specs(resource["region_infos"])
        specs = get_path(resource, "spec.region_specs")
        return _api_specs(specs) if specs is not None else None

    def encode_create(self, body, value, wanted):
        if self.shape == "live":
            body["region_specs"] = [{"region": spec["region"], "key_spec": spec["key"]} for spec in value]
        else:
            body["region_specs"] = value

    def predict(self, resource, value):
        if self.shape == "live":  # (the predicted change ends ENABLED)
            resource["region_infos"] = [{"region": spec["region"], "status": "ENABLED",
                                         "key_infos": [{"spec": spec["key"], "status": "ENABLED"}]} for spec in value]
        else:
            set_path(resource, "spec.region_specs", value)


class Cmek(Singleton):
    """``/clusters/{id}/cmek``: POST sets it up, PUT replaces the key specification, PATCH
    rotates or revokes the keys; it cannot be removed (404 until it is set up)."""

    kind = "cmek"
    noun = "CMEK"
    scope = dedicated_cluster("CMEK")
    path = "cmek"
    update_method = "PUT"
    update_whole = True  # the region specs are replaced as a whole
    delete_method = None
    ready_waiter = CMEK_READY
    required_to_create = ("region_specs",)
    only_with = (OnlyWith("auth_principal", "region_specs",
                          hint="it is the default of region_specs[].key.auth_principal, so give it with region_specs"),)
    fields = Fields(
        _RegionSpecs("region_specs", normalize=lambda value, task: check_region_specs(
            value, task.params.get("auth_principal")), live=dict(shape="live")),
    )

    def check_input(self):
        super(Cmek, self).check_input()
        params = self.params
        if params.get("action") and params.get("region_specs") is not None:
            raise InvalidInput("action=%s acts on the keys that CMEK has: change region_specs in a task of its own"
                               % params["action"])
        if params.get("region_specs") is not None:
            check_region_specs(params["region_specs"], params.get("auth_principal"))

    def wanted(self, current=None):
        """The keys must fit the cluster's provider, and the regions be the cluster's."""
        wanted = super(Cmek, self).wanted(current)
        if self.scope.missing or "region_specs" not in wanted:
            return wanted
        cluster = self.scope.cluster
        fitting = KEY_TYPE_OF_PROVIDER.get(cluster.get("cloud_provider"))
        regions = [r["name"] for r in cluster.get("regions") or []]
        for spec in wanted["region_specs"]:
            if spec["region"] not in regions:
                raise InvalidInput("region_specs: %s is not a region of cluster %s (%s)"
                                   % (spec["region"], cluster.get("name"), ", ".join(regions)))
            if spec["key"]["type"] != fitting:
                raise InvalidInput("region_specs: the key of %s is of type %s, which does not fit cluster %s on %s: "
                                   "use %s keys" % (spec["region"], spec["key"]["type"], cluster.get("name"),
                                                    cluster.get("cloud_provider"), fitting))
        return wanted

    def changes(self, current):
        changes = super(Cmek, self).changes(current)
        if changes and current.get("status") == "REVOKED":
            raise InvalidInput("the CMEK keys of %s are revoked: their specification cannot change any more"
                               % self.scope.describe())
        return changes

    def predict_create(self):
        predicted = super(Cmek, self).predict_create()
        predicted["status"] = "ENABLED"
        if self.wire != "live":  # (the live answers do not name the cluster)
            predicted["cluster_id"] = None if self.scope.missing else self.scope.cluster_id
        return clean(predicted)

    def predict_update(self, current, changes):
        return dict(super(Cmek, self).predict_update(current, changes), status="ENABLED")

    # -- rotate and revoke ---------------------------------------------------------------------
    def run(self):
        if not self.params.get("action"):
            return super(Cmek, self).run()
        return self.act(self.params["action"])

    def status_sent(self, send):
        """The keys read again when they took the action ``send``, else None: ROTATING or
        REVOKING, or REVOKED. (A rotation that ended already looks like none: it is sent
        again, which rotates once more.)"""
        fresh = self.reread(None)
        statuses = set()
        for wanted, running, final in ACTIONS.values():
            if wanted == send:
                statuses.update([running] + ([final] if final == "REVOKED" else []))
        return fresh if fresh is not None and fresh.get("status") in statuses else None

    def status_body(self, send):
        """The request that changes the status: ``{status}`` (the contract), ``{action}`` (live)."""
        return {"action": send} if self.wire == "live" else {"status": send}

    def check_action(self, action):
        """The live service has no rotate action (after the first read, which says its format)."""
        if action == "rotate" and self.wire == "live":
            raise InvalidInput(
                "action=rotate: the live service has no rotate action (its status change takes only REVOKE). To "
                "rotate the keys, give region_specs with a new key for each region in a task without action: "
                "the service moves the region to the new key and lists the old one as DISABLED")

    def act(self, action):
        """Rotate or revoke the keys, unless the status says it is done or under way."""
        self.check_input()
        current = self.find()
        self.check_action(action)
        send, running, final = ACTIONS[action]
        if current is None:
            if not self.scope.missing:
                raise InvalidInput("%s is not set up: set it up with region_specs before you %s its keys"
                                   % (self.what, action))
            return self.result(True, {"status": final}, {}, {"status": final, "action": action})
        status = current.get("status")
        before = {"status": status}
        if status == running or (action == "revoke" and status == final):
            if self.waiting and not self.ctx.check_mode and not self.ready(current):
                current = self.wait_ready(current)
            return self.result(False, current, before, before)
        if status == "REVOKED":
            raise InvalidInput("the CMEK keys of %s are revoked: they cannot be rotated any more" % self.scope.describe())
        if self.ctx.check_mode:
            return self.result(True, dict(current, status=final), before, {"status": final, "action": action})
        with changing(self.client, self.kind, current, self.public) as seen:
            self.scope.ready_for_change()
            self.settle(current)  # a change still ENABLING is refused: wait for it first
            updated = seen.value = self.client.change("PATCH", self.base, lambda: self.status_sent(send),
                                                      body=self.status_body(send))
            if self.waiting:
                updated = self.wait_ready(updated)
        return self.result(True, updated, before, {"status": updated.get("status"), "action": action})
