# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The roles' argument specs (meta/argument_specs.yml), checked as ansible-core checks a
role's variables before its tasks (the action validate_argument_spec: ArgumentSpecValidator
on the entry point's options)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os

import pytest
import yaml

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.cockroachdb.cloud.tests.unit.layout import ROOT


def role_errors(role, variables):
    """The messages of the role's argument check for ``variables`` (empty: accepted)."""
    with open(os.path.join(ROOT, "roles", role, "meta", "argument_specs.yml")) as handle:
        options = yaml.safe_load(handle)["argument_specs"]["main"]["options"]
    result = ArgumentSpecValidator(options).validate(variables)
    return [str(error) for error in result.errors]


# A password is used only to create a user (or to set it again with update_passwords
# always): a removal, or a cluster's deletion, needs none (issue 20, item 8).
WITHOUT_PASSWORDS = [{"name": "app"}, {"name": "reporting"}]


@pytest.mark.parametrize("role, variables", [
    ("cluster_access", {"cluster_access_spec": {"cluster": "orders-prod", "sql_users": WITHOUT_PASSWORDS},
                        "cluster_access_state": "absent"}),
    # Listed users that exist need no password with update_passwords=on_create: the module
    # asks for one only to create a user, before any change.
    ("cluster_access", {"cluster_access_spec": {"cluster": "orders-prod", "sql_users": WITHOUT_PASSWORDS}}),
    ("serverless_cluster", {"serverless_cluster_spec": {"name": "web-dev", "sql_users": WITHOUT_PASSWORDS},
                            "serverless_cluster_state": "absent"}),
    ("dedicated_cluster", {"dedicated_cluster_spec": {"name": "orders-prod", "sql_users": WITHOUT_PASSWORDS},
                           "dedicated_cluster_state": "absent"}),
])
def test_sql_users_need_no_password_to_be_removed(role, variables):
    assert role_errors(role, variables) == []


@pytest.mark.parametrize("role, spec", [
    ("cluster_access", "cluster_access_spec"),
    ("serverless_cluster", "serverless_cluster_spec"),
    ("dedicated_cluster", "dedicated_cluster_spec"),
])
def test_a_sql_user_still_needs_a_name(role, spec):
    variables = {spec: {"cluster": "orders-prod", "name": "orders-prod", "sql_users": [{"password": "long-enough"}]}}
    variables[spec].pop("name" if role == "cluster_access" else "cluster")
    errors = role_errors(role, variables)
    assert len(errors) == 1 and "missing required arguments: name" in errors[0] and "sql_users" in errors[0], errors
