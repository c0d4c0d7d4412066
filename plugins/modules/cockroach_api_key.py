#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_api_key
short_description: Create, rename and delete API keys of CockroachDB Cloud service accounts
version_added: 0.2.0
description:
  - Creates an API key for a service account, renames it or deletes it.
  - Finds the key by O(name) among the keys of O(service_account) (one listing of them, plus
    one listing of the service accounts when O(service_account) is a name), or by O(id) with
    one read. A re-run finds the key it created and never creates a second one.
  - The service shows a key's secret only in the answer that creates the key. The task that
    creates it returns it as RV(secret) and writes it to O(secret_file); no later task can
    read it again. That task's result is hidden from Ansible's output (as with
    C(no_log=true), only C(changed) shows, at every verbosity), so the secret never shows in
    logs. Register the result to use it. A key that exists already is left alone and its
    secret is not returned.
  - When the answer that held a new key's secret is lost (the connection dropped, or a 502,
    503 or 504, after the service made the key), the module reads the account's keys, finds
    the key and never creates a second one, but it cannot return the secret. It then sets
    RV(secret_lost=true) and fails (with C(changed=true) and RV(api_key)) when the task asked
    for O(secret_file) or O(fail_on_lost_secret); otherwise it warns and goes on. The message
    names the key and its id; delete the key (O(state=absent)) and run the task again to get
    a new secret.
  - When that read fails too (the service cannot be reached), the module fails with a message
    that says the key may have been created and how to check with
    M(cockroachdb.cloud.cockroach_api_key_info).
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.CHECK_MODE_DIFF
options:
  service_account:
    description:
      - The service account the key belongs to, by name or by id (a UUID). A name must name
        one account only.
      - Required unless O(id) is given. With O(id), the key must belong to it (a key cannot
        move to another account).
      - In check mode, a service account that does not exist yet counts as a new one (an
        earlier task would create it), so the key is predicted, with a warning.
    type: str
  name:
    description:
      - Name of the key, 1 to 100 characters (checked before any request). Keys are told
        apart by name within their service account; when two keys of the account have this
        name, the module fails before any change and lists their ids.
      - With O(id), the name the key should have (a rename).
      - At least one of O(name) and O(id) is required.
    type: str
  id:
    description:
      - Id of the key (C(CCDB1_...), the public part of its secret). An id only names an
        existing key; it never creates one.
    type: str
  new_name:
    description:
      - Rename the key O(name) to this name. When O(name) no longer exists but O(new_name)
        does, it was renamed already and nothing is done; when both exist, or neither, the
        module fails before any change.
      - Only with O(state=present). Mutually exclusive with O(id) (with O(id), O(name) renames).
    type: str
  secret_file:
    description:
      - Write the secret of a key this task creates to this file, alone (no newline), with
        mode C(0600), replacing the file. The file is written where the task runs (the
        controller, unless the task is delegated).
      - Its directory must exist and be writable; this is checked before any request, because
        the secret cannot be read again later.
      - When the key exists already, the file is not written (the secret is not known), and a
        missing file is warned about. To get a new secret, delete the key and create it
        again.
      - When the task creates the key but the answer that held its secret is lost, the file is
        not written and the task fails (RV(secret_lost=true)), whatever O(fail_on_lost_secret) says.
      - Only with O(state=present).
    type: path
  fail_on_lost_secret:
    description:
      - Whether the task fails when it creates the key but the answer that held its secret is
        lost (RV(secret_lost=true)), so that no later task runs without the secret. The failure
        still reports C(changed=true) and the key (RV(api_key)), and its message names the key
        and its id.
      - With V(false) (the default), the task warns instead and returns the key without
        RV(secret). A task with O(secret_file) fails in that case either way.
      - A key that exists already is never a failure; a re-run does not return the secret and
        does not fail.
      - Only with O(state=present).
    type: bool
    default: false
  state:
    description:
      - V(present) creates (or renames) the key, V(absent) deletes it (it stops working at
        once).
      - V(absent) on a key that does not exist (or of a service account that does not exist)
        does nothing.
      - V(absent) refuses to delete the key the task authenticates with (the key whose secret
        is O(api_key)), because the tasks that use it would be locked out. The task fails before
        any change (also in check mode), with a message that names the key. Delete it with
        another key.
    type: str
    choices: [present, absent]
    default: present
notes:
  - A re-run that changes nothing costs one listing of the account's keys, plus one listing
    of the service accounts when O(service_account) is a name; with O(id), one read.
  - The module refuses to delete the key the task authenticates with (O(api_key)), see
    O(state). (M(cockroachdb.cloud.cockroach_service_account) likewise refuses to delete the
    account that owns that key.)
  - Creating, renaming and deleting keys needs C(ORG_ADMIN).
seealso:
  - module: cockroachdb.cloud.cockroach_api_key_info
  - module: cockroachdb.cloud.cockroach_service_account
"""

EXAMPLES = r"""
- name: A service account for the pipeline
  cockroachdb.cloud.cockroach_service_account:
    name: ci-deployer

- name: Its key, the secret written to a file only the controller's user can read
  cockroachdb.cloud.cockroach_api_key:
    service_account: ci-deployer
    name: ci-deployer-2026
    secret_file: /tmp/ci-deployer.key
  register: key

- name: Use the secret of a key the task created (only then is it returned)
  ansible.builtin.debug:
    msg: "key {{ key.api_key.id }} created: {{ key.secret is defined }}"

- name: A key whose secret a later task uses, without a file (fails if the secret was lost)
  cockroachdb.cloud.cockroach_api_key:
    service_account: ci-deployer
    name: ci-deployer-vault
    fail_on_lost_secret: true
  register: vault_key

- name: Keys in a loop; each result says whether its secret was lost
  cockroachdb.cloud.cockroach_api_key:
    service_account: ci-deployer
    name: "{{ item }}"
  loop: [ci-a, ci-b]
  register: keys

- name: The keys created without their secret (delete them and run again)
  ansible.builtin.debug:
    msg: "{{ keys.results | selectattr('secret_lost') | map(attribute='api_key.id') | list }}"

- name: Rename the key
  cockroachdb.cloud.cockroach_api_key:
    service_account: ci-deployer
    name: ci-deployer-2026
    new_name: ci-deployer-primary

- name: Delete it (it stops working at once)
  cockroachdb.cloud.cockroach_api_key:
    id: "{{ key.api_key.id }}"
    state: absent
"""

RETURN = r"""
api_key:
  description:
    - The key as the API returns it (never its secret), after the change. In check mode, the
      predicted key (without C(id) when it is new).
    - Empty when O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: Id of the key, the public C(CCDB1_...) part of its secret.
      type: str
    name:
      description: Name of the key.
      type: str
    service_account_id:
      description: Id of the service account the key belongs to.
      type: str
    created_at:
      description: When the key was created.
      type: str
  sample:
    id: CCDB1_Gl0mn52kjrY9Bs8AUAVSpo
    name: ci-deployer-2026
    service_account_id: 5f1e2d3c-4b5a-4968-8776-655443322110
    created_at: "2026-11-28T10:00:00.000000Z"
secret:
  description:
    - The key's secret, to send as a bearer token (C(COCKROACH_API_KEY)). Only from the task
      that creates the key (not in check mode); that task's output is hidden as with
      C(no_log), the registered result holds it.
  returned: when the task created the key and its secret was not lost
  type: str
  sample: CCDB1_Gl0mn52kjrY9Bs8AUAVSpo_0123456789abcdefghijABCDEFGHIJ0123456789
secret_lost:
  description:
    - V(true) when the task created the key but does not return its secret, which the service
      never shows again. Either the answer that held it was lost (the key was found by reading
      the account's keys), or O(secret_file) could not be written. Delete the key
      (O(state=absent)) and run the task again to get a new secret.
    - With O(secret_file) or O(fail_on_lost_secret), the task then fails, and its failed result
      holds RV(secret_lost=true), C(changed=true) and RV(api_key). Otherwise it warns.
    - V(false) in every other case (a key created with its secret, a key that existed already,
      check mode, O(state=absent)).
  returned: always, and in the failed result of a task that created the key
  type: bool
  sample: false
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.api_keys import ApiKey

ARGUMENT_SPEC = dict(
    service_account=dict(type="str"),
    name=dict(type="str"),
    id=dict(type="str"),
    new_name=dict(type="str"),
    secret_file=dict(type="path"),
    fail_on_lost_secret=dict(type="bool", default=False),
    state=dict(type="str", default="present", choices=["present", "absent"]),
)


TASK = ModuleTask(ARGUMENT_SPEC, ApiKey.task, secret_results=("secret",), required_one_of=[["name", "id"]],
                  mutually_exclusive=[["new_name", "id"]])


def main():
    TASK.main()


if __name__ == "__main__":
    main()
