# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""The Set kind: a whole list of members in one task (an allowlist, egress rules, role
grants...). One listing, then a plan: adds, then updates, then removals (so a member that
stays never loses what it grants on the way), with ``purge`` removing what the task does
not list, and ``state=absent`` removing what it lists.

A description is a subclass: the scope, paths and the managed fields of a member (with the
defaults a new one gets), and the hooks that key a member (``canonical``, ``desired``),
order the set (``sort_key``), make the requests (``create_body``, ``update_body``,
``item_path``) and keep the service's own members out of a purge (``purgeable``). Members
are kept in a canonical form ``{<key_field>: key, <fields>...}``; keys starting with ``_``
are private (such as how the API spelled the member's path).

A field of the table may be write-only (``Field("password", secret=True,
write_only="update_password", update=Send("PUT", suffix="password", body="password"))``):
the API never returns it, so it is never compared; it goes with a member's create, and to
an existing member only when the task's ``update_password`` is ``always``. It never shows
in the result, and shows masked in the diff when the task sends it. A field whose
``update`` is a ``Send`` goes in a request of its own to the member's path plus its suffix.

Members that settle after a change (an egress rule PENDING, then ACTIVE) have a
``ready_waiter``, a Waiter on the canonical members (so ``canonical`` keeps their status):
with the task's ``wait``, the task then polls the listing (one request per poll for the whole
set) until every member it lists has settled, and fails on the first one in a failed state,
naming it. A re-run waits for listed members that have not settled yet, as one member's task
does. ``paginated = False`` reads a listing that the contract does not paginate in one GET.

``Set`` builds on ``Member``: the scope, paths, the listing, the input checks shared with every
kind, the one read (``find``), requests of their own for a field (``send_alone``), deletes
that find a member gone already (``delete_once``) and the wait settings. In a Set, ``kind``
is the result key of the whole set (``allowlist``), ``noun`` one member in messages
(``entry``), ``fields`` the managed fields of one member (their defaults are a new member's),
``wanted`` the task's members (from ``desired``) rather than Member's method, and ``changes``,
``public``, ``create_body`` take one member of the set.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError, WaitTimeout
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import MASK, InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Send
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.member import Member


def set_entries(entries, option, shape):
    """``(where, entry)`` for each entry of a set's list option (``where``: ``rules[2]``),
    refusing one that is not a dictionary; ``shape`` says what it holds ("name and ports")."""
    for index, entry in enumerate(entries or []):
        where = "%s[%d]" % (option, index)
        if not isinstance(entry, dict):
            raise InvalidInput("%s must be a dictionary with %s" % (where, shape))
        yield where, entry


def listed_once(seen, key, where, noun):
    """Refuse a ``key`` that an earlier entry listed (``seen``: key -> where it was listed)."""
    if key in seen:
        raise InvalidInput("%s and %s both name the %s %s; list each %s once" % (seen[key], where, noun, key, noun))
    seen[key] = where


class Plan(object):
    """What must change: members to add, to update (before, after) and to remove."""

    def __init__(self, sort_key, key_field):
        self.sort_key = sort_key
        self.key_field = key_field
        self.add = []  # canonical members, as they will be
        self.update = []  # (current member, member as it will be)
        self.remove = []  # current members

    def __bool__(self):
        return bool(self.add or self.update or self.remove)

    def key(self, member):
        return member[self.key_field]

    def sorted(self, members):
        return sorted(members, key=lambda m: self.sort_key(self.key(m)))

    def summary(self):
        return {"added": [self.key(m) for m in self.add],
                "updated": [self.key(after) for _before, after in self.update],
                "removed": [self.key(m) for m in self.remove]}

    def result_set(self, current):
        """The whole set once the plan is carried out, sorted."""
        members = dict(current)
        for member in self.remove:
            members.pop(self.key(member), None)
        for _before, after in self.update:
            members[self.key(after)] = after
        for member in self.add:
            members[self.key(member)] = member
        return self.sorted(members.values())

    def order(self):
        self.add = self.sorted(self.add)
        self.update = sorted(self.update, key=lambda pair: self.sort_key(self.key(pair[0])))
        self.remove = self.sorted(self.remove)
        return self


class Set(Member):
    nouns = None  # more than one, when not noun + "s": "entries"
    option = "entries"  # the option that lists the members
    key_field = "key"  # the canonical key of a member (in results and diffs)
    wanted = None  # the task's members, [(key, {field: value})] from desired() (check_input)

    @property
    def state(self):
        return self.params.get("state") or "present"

    @property
    def plural(self):
        return self.nouns or "%ss" % (self.noun or "member")

    # -- hooks -------------------------------------------------------------------------------------
    def canonical(self, item):
        """An API member in canonical form."""
        raise NotImplementedError

    def desired(self, entries):
        """The task's members as ``[(key, {field: value set})]``, checked and normalised
        (InvalidInput); with state=absent only the keys count."""
        raise NotImplementedError

    def sort_key(self, key):
        return key

    def item_path(self, member):
        raise NotImplementedError

    def create_body(self, member):
        raise NotImplementedError

    def update_body(self, before, after):
        raise NotImplementedError

    def managed(self, item):
        """Whether an API member belongs to the set this task manages (others are left
        alone: never purged, not in the result), such as one user's role grants."""
        return True

    def purgeable(self, member):
        """Whether ``purge`` may remove a member the task does not list (the ones the service
        makes itself may not: they stay in the result, and ``state=absent`` still removes
        them when the task lists them)."""
        return True

    def new_member(self, key, values):
        """The canonical form of a member to add."""
        member = dict((f.option, f.default) for f in self.fields)
        member.update(values)
        member[self.key_field] = key
        return member

    # (Member.public takes the resource; a Set's, one member of the set: descriptions override it so)
    def public(self, member):  # pylint: disable=arguments-renamed
        """A member for the result: no private keys, no write-only fields, secrets masked."""
        hidden = set(f.option for f in self.fields if f.write_only)
        secret = set(f.option for f in self.fields if f.secret)
        return dict((k, MASK if k in secret and v is not None else v) for k, v in member.items()
                    if not k.startswith("_") and k not in hidden)

    def diff_member(self, member):
        """A member for the diff: its key and managed fields; a write-only field only when this
        task sends it, and masked."""
        view = {self.key_field: member.get(self.key_field)}
        for field in self.fields:
            value = member.get(field.option)
            if field.write_only and value is None:
                continue
            view[field.option] = MASK if field.secret and value is not None else value
        return view

    # -- reading and comparing -----------------------------------------------------------------------
    def check_input(self):
        super(Set, self).check_input()
        self.check_purge()
        self.wanted = self.desired(self.params.get(self.option))

    def check_purge(self):
        """``purge`` removes what the task does not list: it goes with state=present only."""
        if self.params.get("purge") and self.state == "absent":
            raise InvalidInput("purge applies to state=present only; with state=absent just the listed %s are "
                               "removed" % self.plural)

    def lookup(self):
        return self.members()

    def find(self):
        """{key: canonical member} of the whole set; None when the scope does not exist and the
        task removes (nothing to do), {} in check mode on a scope not created yet."""
        found = super(Set, self).find()
        if found is None:  # (members() is a dict: None is a scope that does not exist)
            return None if self.state == "absent" else {}
        return found

    def listing(self):
        return self.read_listing()

    def members(self):
        """{key: canonical member} of the members this task manages, from one listing."""
        members = [self.canonical(item) for item in self.listing() if self.managed(item)]
        return dict((m[self.key_field], m) for m in members)

    def changes(self, member, values):
        """What of the task's ``values`` changes an existing ``member``: the fields that differ,
        and the write-only ones when the task sends them again (``update_password=always``)."""
        write_only = dict((f.option, f.write_only) for f in self.fields if f.write_only)
        changes = {}
        for key, value in values.items():
            if key in write_only:
                if value is not None and self.params.get(write_only[key]) == "always":
                    changes[key] = value
            elif member.get(key) != value:
                changes[key] = value
        return changes

    def compare(self, current):
        plan = Plan(self.sort_key, self.key_field)
        if self.state == "absent":
            plan.remove = [current[key] for key, _values in self.wanted if key in current]
            return plan.order()
        for key, values in self.wanted:
            member = current.get(key)
            if member is None:
                plan.add.append(self.new_member(key, values))
                continue
            changes = self.changes(member, values)
            if changes:
                after = dict(member)
                after.update(changes)
                plan.update.append((member, after))
        if self.params.get("purge"):
            named = set(key for key, _values in self.wanted)
            plan.remove = [m for key, m in current.items() if key not in named and self.purgeable(m)]
        return plan.order()

    def diff(self, plan, current):
        """The whole set before and after, sorted, so a unified diff pairs each member with
        itself. (Mappings on both sides: Ansible's diff display only renders those.)"""
        return {"before": {self.option: [self.diff_member(m) for m in plan.sorted(current.values())]},
                "after": {self.option: [self.diff_member(m) for m in plan.result_set(current)]}}

    # -- changing ------------------------------------------------------------------------------------
    def answered(self, answer, predicted):
        """The member as the API answered, when the answer is that member (with the
        write-only values sent, which no answer holds)."""
        if isinstance(answer, dict) and answer:
            try:
                member = self.canonical(answer)
            except (KeyError, TypeError, ValueError, InvalidInput):
                return predicted
            if member.get(self.key_field) == predicted[self.key_field]:
                for field in self.fields:
                    if field.write_only and predicted.get(field.option) is not None:
                        member[field.option] = predicted[field.option]
                return member
        return predicted

    # (when the answer of a change is lost, client.change reads the listing before sending it again)
    def listed(self, key):
        """The API item of the member ``key`` in a fresh listing, or None."""
        return next((i for i in self.listing() if self.managed(i) and self.canonical(i)[self.key_field] == key), None)

    def applied(self, key, values):
        """The member's API item when it holds ``values`` (those that can be read back), else None."""
        item = self.listed(key)
        readable = dict((k, v) for k, v in values.items() if not k.startswith("_")
                        and k not in set(f.option for f in self.fields if f.write_only))
        return item if item is not None and not self.changes(self.canonical(item), readable) else None

    def add(self, member):
        key = member[self.key_field]
        answer = self.client.change("POST", self.base, lambda: self.listed(key), body=self.create_body(member))
        return self.answered(answer, member)

    def change(self, before, after):
        """One PATCH (``update_body``) for the fields that differ, unless they all go in
        requests of their own (a field whose ``update`` is a ``Send``), which follow it."""
        separate = [f for f in self.fields if isinstance(f.update, Send) and after.get(f.option) is not None
                    and after.get(f.option) != before.get(f.option)]
        own = set(f.option for f in separate)
        answer = None
        key = before[self.key_field]
        if any(before.get(k) != v for k, v in after.items() if not k.startswith("_") and k not in own):
            values = dict((k, v) for k, v in after.items() if k not in own)
            answer = self.client.change("PATCH", self.item_path(before), lambda: self.applied(key, values),
                                        body=self.update_body(before, after))
        for field in separate:
            suffix = field.update.suffix
            path = "%s/%s" % (self.item_path(before), suffix) if suffix else self.item_path(before)
            sent = self.send_alone(field, path, after[field.option], lambda o=field.option: self.applied(key, {o: after[o]}))
            answer = sent or answer
        return self.answered(answer, after)

    def remove(self, member):
        key = member[self.key_field]
        self.delete_once("DELETE", self.item_path(member), lambda: None if self.listed(key) else {},
                         params=self.delete_params(member))

    def apply(self, plan):
        """Send the plan, one request per member, adds and updates before removals. A
        failure says how far it got, and that what went through changed something."""
        done = Plan(self.sort_key, self.key_field)
        try:
            self.scope.ready_for_change()
            for member in plan.add:
                done.add.append(self.add(member))
            for before, after in plan.update:
                done.update.append((before, self.change(before, after)))
            for member in plan.remove:
                self.remove(member)
                done.remove.append(member)
        except ApiError as error:
            error.message = "%s (before this failure the task had added %d, updated %d and removed %d of " \
                            "%d, %d and %d %s)" % (error.message, len(done.add), len(done.update), len(done.remove),
                                                   len(plan.add), len(plan.update), len(plan.remove), self.plural)
            if done:
                error.result = dict(done.summary(), changed=True)
            raise
        return done

    # -- waiting -------------------------------------------------------------------------------------
    def wait_settled(self, members):
        """``members`` ({key: member} as last seen) once every member the task lists has settled:
        no request when they all have, else one listing per poll (``ready_waiter``, ``wait``)."""
        waiter = self.ready_waiter
        if waiter is None or self.state == "absent" or not self.waiting:
            return members
        keys = [key for key, _values in self.wanted if key in members]
        where = self.scope.describe()

        def failure(found):
            return next((waiter.failure("%s %s of %s" % (self.noun or "member", key, where), found.get(key))
                         for key in keys if waiter.failure("", found.get(key))), None)

        def settled(found):
            return all(waiter.settled(found.get(key)) for key in keys)

        if settled(members):
            return members
        problem = failure(members)
        if problem:
            raise WaitTimeout(problem, last=self.last_seen(members, keys), timed_out=False)
        busy = [key for key in keys if not waiter.settled(members.get(key))]
        try:
            return self.client.wait_for(
                self.members, settled, self.wait_timeout,
                what="%s %s of %s to leave %s %s" % (self.plural, ", ".join(str(k) for k in busy), where, waiter.field,
                                                     waiter.status(members.get(busy[0]))),
                failed=failure)
        except WaitTimeout as error:
            error.last = self.last_seen(error.last or members, keys)
            raise

    def last_seen(self, members, keys):
        """The listed members as last seen, for a failed wait's ``last_seen``."""
        return [self.public(members[key]) for key in keys if key in members]

    def run(self):
        """Read once, compare, predict (check mode) or apply, wait; the module's result."""
        self.check_input()
        current = self.find()
        if current is None:
            plan = Plan(self.sort_key, self.key_field)
            out = {"changed": False, self.kind: [], "diff": self.diff(plan, {})}
        else:
            plan = self.compare(current)
            outcome = self.apply(plan) if plan and not self.ctx.check_mode else plan
            members = outcome.result_set(current)
            if not self.ctx.check_mode:
                try:
                    seen = self.wait_settled(dict((m[self.key_field], m) for m in members))
                except WaitTimeout as error:
                    if plan:
                        error.result = dict(outcome.summary(), changed=True)
                        if error.timed_out:
                            error.args = ("%s; the change was made and goes on: run the task again (or with a "
                                          "longer wait_timeout) to wait for it" % error,)
                    raise
                members = [seen.get(m[self.key_field], m) for m in members]
            out = {"changed": bool(plan), self.kind: [self.public(m) for m in members],
                   "diff": self.diff(outcome, current)}
        out.update(plan.summary())
        out.update(self.scope.info())
        return out
