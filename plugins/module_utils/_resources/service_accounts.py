# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""Service accounts of the organization (a Collection of the kit, by name or id, renamed with
``new_name``), with what cockroach_service_account_info reads."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import API, ApiError
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import (
    InvalidInput,
    OnlyWith,
    path_segment,
    refuse_blank,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.collection import Collection
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import listing_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._common import _one_of, _text_check
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._renamed_by_name import _RenamedByName
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._service_account_lookup import (
    key_id_of,
)

MAX_ACCOUNT_NAME = 255
MAX_DESCRIPTION = 1024


# -- service accounts ----------------------------------------------------------------------------

def check_account_name(name, option="name"):
    _text_check(name, option, MAX_ACCOUNT_NAME)


class ServiceAccount(_RenamedByName, Collection):
    """``/service-accounts``, by name (the service does not keep names unique: two accounts with
    one name must be told apart by id) or by id; PATCH renames and changes the description."""

    kind = "service_account"
    noun = "service account"
    path = "service-accounts"
    items = "service_accounts"
    item_key = "id"
    id_option = "id"
    fields = Fields(Field("name"), Field("description"))
    only_with = (
        OnlyWith("new_name", "state", "present", hint="to delete the service account, leave {it} out"),
        OnlyWith("description", "state", "present", warn=True, hint="a delete takes no description"),
    )

    def check_input(self):
        super(ServiceAccount, self).check_input()
        params = self.params
        if params.get("name") is not None:
            check_account_name(params["name"])
        refuse_blank(params, "id", "give the service account's id, or its name")
        if params.get("new_name") is not None:
            check_account_name(params["new_name"], "new_name")
        if params.get("description") is not None and len(params["description"]) > MAX_DESCRIPTION:
            raise InvalidInput("description must be at most %d characters, got %d"
                               % (MAX_DESCRIPTION, len(params["description"])))

    def find_in_listing(self, key, refresh=False):
        return _one_of([i for i in self.listing(refresh) if i.get("name") == key], self.word, key)

    def lookup(self):
        if self.params.get("id"):
            return super(ServiceAccount, self).lookup()
        return self.renamed_lookup()

    def create_body(self):
        body = super(ServiceAccount, self).create_body()
        return self.live_body(body) if self.wire == "live" else body

    @staticmethod
    def live_body(body):
        """The live service requires ``description`` and ``roles`` at create: the account is
        made with the task's description (empty when it gives none) and no role, as in the
        contract (and as the official Terraform provider makes one); roles are granted with
        cockroach_user_roles or cockroach_role_grant."""
        return dict(body, description=body.get("description", ""), roles=[])

    def predict_create(self):
        return dict(super(ServiceAccount, self).predict_create(), roles=[])

    def validate_delete(self, current):
        """Refuse to delete the account that owns the key this task authenticates with (its
        keys are revoked with it): one read of that key."""
        own = key_id_of(self.params.get("api_key"))
        if not own:
            return
        try:
            key = self.client.get("%s/api-keys/%s" % (API, path_segment(own)))
        except ApiError:
            return  # not readable here: the service decides
        if key.get("service_account_id") == current.get("id"):
            raise InvalidInput("service account %s (id %s) owns API key %s, which this task authenticates with; "
                               "deleting the account revokes its keys: delete it with a key of another account"
                               % (current.get("name"), current.get("id"), own))


# -- what the info modules read ------------------------------------------------------------------

def service_account_info(ctx):
    return listing_info(ctx, ServiceAccount, "service_accounts", id_option="id", every="service account")
