# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""sql on the in-process emulator: Databases (create, rename with new_name, delete) and
SqlUsers (a write-only password sent on create or always, masked, never echoed), their
set forms DatabaseSet and SqlUserSet (``databases``/``users`` with ``purge``, picked by
database_task/sql_user_task), and their info side (_kit/info.listing_info)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import MASK, InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import listing_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.runner import run_task
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import ClusterNotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.sql import (
    Databases,
    DatabaseSet,
    SqlUsers,
    SqlUserSet,
    database_task,
    sql_user_task,
)
from ansible_collections.cockroachdb.cloud.plugins.modules import cockroach_database, cockroach_sql_user
from ansible_collections.cockroachdb.cloud.tests.emulator.handlers.sql_users import password_matches

UNKNOWN_ID = "11111111-2222-4333-8444-555555555555"
PASSWORD = "Corr3ct-Horse-Battery"


def validate(module, **given):
    """The module's argument spec and options (mutually_exclusive...) applied to ``given``."""
    return ArgumentSpecValidator(module.ARGUMENT_SPEC, **module.TASK.module_options).validate(given)


def task(module, **given):
    """The task's parameters as the module's argument spec makes them."""
    validated = validate(module, **given)
    assert not validated.error_messages, validated.error_messages
    return validated.validated_parameters


@pytest.fixture
def orders_db(emulator):
    """A cluster (with the databases defaultdb and postgres); ``base`` is its databases' path."""
    cluster = emulator.cluster("orders-db")
    cluster["base"] = "/api/v1/clusters/%s/databases" % cluster["id"]
    return cluster


def database(emulator, check_mode=False, **given):
    given.setdefault("cluster", "orders-db")
    given.setdefault("name", "orders")
    return Databases(emulator.context(task(cockroach_database, **given), check_mode=check_mode)).run()


def database_names(emulator, cluster):
    return [d["name"] for d in emulator.admin.get(cluster["base"])["databases"]]


# -- databases: input ---------------------------------------------------------------------------

@pytest.mark.parametrize("given, message", [
    (dict(name=""), "name must not be empty"),
    (dict(name="my.db"), "invalid database name 'my.db'"),
    (dict(name="my db"), "invalid database name"),
    (dict(name="d" * 64), "1 to 63 letters"),
    (dict(new_name="bad/name"), "invalid database new_name 'bad/name'"),
    (dict(new_name=""), "new_name must not be empty"),
    (dict(new_name="other", state="absent"), "new_name only applies with state=present"),
    (dict(cluster=" "), "cluster must not be empty"),
])
def test_database_input_checks_need_no_request(emulator, orders_db, given, message):
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match=message):
        database(emulator, **given)
    assert emulator.since(mark) == []


@pytest.mark.parametrize("name", ["a", "Orders", "1st", "-x", "_y", "d" * 63, "orders_2024-q1"])
def test_valid_database_names(emulator, orders_db, name):
    assert database(emulator, name=name)["changed"] is True
    assert database(emulator, name=name)["changed"] is False
    assert name in database_names(emulator, orders_db)


# -- databases: create, rename, delete ---------------------------------------------------------------

def test_create_then_rerun_and_check_mode_predicts_the_same(emulator, orders_db):
    mark = emulator.mark()
    predicted = database(emulator, check_mode=True)
    assert emulator.mutations(mark) == []
    mark = emulator.mark()
    result = database(emulator)
    assert result == predicted == {"changed": True, "database": {"name": "orders", "table_count": 0},
                                   "diff": {"before": {}, "after": {"name": "orders"}}}
    assert emulator.operations(mark) == ["ListClusters", "ListDatabases", "CreateDatabase"]
    assert emulator.sent(mark) == [("CreateDatabase", orders_db["base"], {"name": "orders"})]
    mark = emulator.mark()
    again = database(emulator)
    assert again["changed"] is False and again["diff"] == {"before": {"name": "orders"}, "after": {"name": "orders"}}
    assert emulator.operations(mark) == ["ListClusters", "ListDatabases"]


def test_names_are_compared_exactly(emulator, orders_db):
    emulator.admin.post(orders_db["base"], {"name": "Orders"})
    mark = emulator.mark()
    assert database(emulator)["changed"] is True
    assert emulator.sent(mark) == [("CreateDatabase", orders_db["base"], {"name": "orders"})]


def test_by_cluster_id(emulator, orders_db):
    cid = orders_db["id"]
    emulator.admin.post(orders_db["base"], {"name": "orders"})
    mark = emulator.mark()
    assert database(emulator, cluster=cid)["changed"] is False
    assert emulator.since(mark) == [("GET", orders_db["base"], 200)]
    mark = emulator.mark()
    assert database(emulator, cluster=cid, new_name="orders_v2")["changed"] is True
    assert emulator.since(mark) == [("GET", orders_db["base"], 200), ("GET", "/api/v1/clusters/" + cid, 200),
                                    ("PATCH", orders_db["base"] + "/orders", 200)]
    mark = emulator.mark()
    assert database(emulator, cluster=cid, name="orders_v2", state="absent")["changed"] is True
    assert emulator.sent(mark) == [("DeleteDatabase", orders_db["base"] + "/orders_v2", None)]


def test_rename_and_its_check_mode(emulator, orders_db):
    emulator.admin.post(orders_db["base"], {"name": "orders"})
    mark = emulator.mark()
    predicted = database(emulator, check_mode=True, new_name="orders_v2")
    assert emulator.mutations(mark) == []
    mark = emulator.mark()
    result = database(emulator, new_name="orders_v2")
    assert result == predicted == {"changed": True, "database": {"name": "orders_v2", "table_count": 0},
                                   "diff": {"before": {"name": "orders"}, "after": {"name": "orders_v2"}}}
    assert emulator.sent(mark) == [("EditDatabase", orders_db["base"] + "/orders", {"new_name": "orders_v2"})]
    assert database_names(emulator, orders_db) == ["defaultdb", "postgres", "orders_v2"]


def test_a_rename_made_already_changes_nothing(emulator, orders_db):
    emulator.admin.post(orders_db["base"], {"name": "orders_v2"})
    mark = emulator.mark()
    result = database(emulator, new_name="orders_v2")
    assert result == {"changed": False, "database": {"name": "orders_v2", "table_count": 0},
                      "diff": {"before": {"name": "orders_v2"}, "after": {"name": "orders_v2"}}}
    assert emulator.operations(mark) == ["ListClusters", "ListDatabases"]  # one listing serves both look-ups


def test_a_rename_to_the_same_name_changes_nothing(emulator, orders_db):
    emulator.admin.post(orders_db["base"], {"name": "orders"})
    mark = emulator.mark()
    assert database(emulator, new_name="orders")["changed"] is False
    assert emulator.mutations(mark) == []


def test_a_rename_when_both_exist_fails_before_any_change(emulator, orders_db):
    emulator.admin.post(orders_db["base"], {"name": "orders"})
    emulator.admin.post(orders_db["base"], {"name": "orders_v2"})
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^databases orders and orders_v2 both exist on cluster orders-db: orders "
                                           "cannot be renamed to orders_v2"):
        database(emulator, new_name="orders_v2")
    assert emulator.mutations(mark) == []


def test_a_rename_when_neither_exists_fails(emulator, orders_db):
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^database orders does not exist on cluster orders-db, so it cannot "
                                           "be renamed to orders_v2"):
        database(emulator, new_name="orders_v2")
    assert emulator.mutations(mark) == []


def test_database_delete_then_nothing_to_delete(emulator, orders_db):
    emulator.admin.post(orders_db["base"], {"name": "orders"})
    mark = emulator.mark()
    assert database(emulator, check_mode=True, state="absent")["changed"] is True
    assert emulator.mutations(mark) == []
    mark = emulator.mark()
    result = database(emulator, state="absent")
    assert result == {"changed": True, "database": {}, "diff": {"before": {"name": "orders"}, "after": {}}}
    assert emulator.sent(mark) == [("DeleteDatabase", orders_db["base"] + "/orders", None)]
    mark = emulator.mark()
    assert database(emulator, state="absent")["changed"] is False
    assert emulator.mutations(mark) == []


def test_absent_on_a_missing_cluster_is_unchanged_present_fails(emulator):
    assert database(emulator, state="absent")["changed"] is False
    assert database(emulator, cluster=UNKNOWN_ID, state="absent")["changed"] is False
    with pytest.raises(ClusterNotFound, match=r"^no cluster named 'orders-db' among 0 clusters$"):
        database(emulator)
    with pytest.raises(ClusterNotFound, match="^no cluster with id %s$" % UNKNOWN_ID):
        database(emulator, cluster=UNKNOWN_ID)


def test_the_last_of_many_databases_is_found_across_pages(emulator, orders_db):
    emulator.admin.get(orders_db["base"])  # the emulator makes defaultdb and postgres on first use
    records = emulator.children(orders_db["id"], "databases")
    for index in range(1, 551):
        records["db%03d" % index] = {"name": "db%03d" % index, "table_count": 1}
    mark = emulator.mark()
    assert database(emulator, cluster=orders_db["id"], name="db550")["changed"] is False
    assert emulator.operations(mark) == ["ListDatabases", "ListDatabases"]


# -- SQL users -------------------------------------------------------------------------------------

@pytest.fixture
def web_app(emulator):
    """A cluster; ``base`` is its SQL users' path."""
    cluster = emulator.cluster("web-app")
    cluster["base"] = "/api/v1/clusters/%s/sql-users" % cluster["id"]
    return cluster


def sql_user(emulator, check_mode=False, **given):
    given.setdefault("cluster", "web-app")
    given.setdefault("name", "app")
    return SqlUsers(emulator.context(task(cockroach_sql_user, **given), check_mode=check_mode)).run()


def add_user(emulator, cluster, name, password=PASSWORD):
    emulator.admin.post(cluster["base"], {"name": name, "password": password})


def has_password(emulator, cluster, name, password):
    return password_matches(emulator.children(cluster["id"], "sql_users")[name], password)


@pytest.mark.parametrize("given, message", [
    (dict(name=""), "name must not be empty"),
    (dict(name="App"), "invalid SQL user name 'App'"),
    (dict(name="1app"), "not starting with a digit"),
    (dict(name="a b"), "invalid SQL user name"),
    (dict(name="a" * 64), "1 to 63"),
    (dict(name="root"), "'root' is reserved"),
    (dict(name="admin", state="absent"), "'admin' is reserved"),
    (dict(name="public"), "reserved"),
    (dict(name="node"), "reserved"),
    (dict(cluster=""), "cluster must not be empty"),
    (dict(password="short7!"), "at least 8 characters"),
    (dict(update_password="always"), "update_password=always needs a password"),
])
def test_sql_user_input_checks_need_no_request(emulator, web_app, given, message):
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match=message) as info:
        sql_user(emulator, **given)
    assert emulator.since(mark) == []
    if given.get("password"):
        assert given["password"] not in str(info.value)


@pytest.mark.parametrize("name", ["a", "_app", ".x", "-x", "app_1.read-only", "z" * 63, "rooted", "nodes"])
def test_valid_sql_user_names(emulator, web_app, name):
    assert sql_user(emulator, name=name, password=PASSWORD)["changed"] is True
    assert sql_user(emulator, name=name)["changed"] is False


def test_a_short_password_does_not_matter_when_deleting(emulator, web_app):
    add_user(emulator, web_app, "app")
    assert sql_user(emulator, state="absent", password="short")["changed"] is True


def test_creating_needs_a_password(emulator, web_app):
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^SQL user app does not exist on cluster web-app: give a password"):
        sql_user(emulator)
    assert emulator.mutations(mark) == []


def test_create_sends_the_password_once_masked_and_never_echoed(emulator, web_app):
    add_user(emulator, web_app, "other")
    mark = emulator.mark()
    predicted = sql_user(emulator, check_mode=True, password=PASSWORD)
    assert emulator.mutations(mark) == []
    mark = emulator.mark()
    result = sql_user(emulator, password=PASSWORD)
    assert result == predicted == {"changed": True, "sql_user": {"name": "app"},
                                   "diff": {"before": {}, "after": {"name": "app", "password": MASK}}}
    assert emulator.operations(mark) == ["ListClusters", "ListSQLUsers", "CreateSQLUser"]
    assert emulator.sent(mark) == [("CreateSQLUser", web_app["base"], {"name": "app", "password": PASSWORD})]
    assert has_password(emulator, web_app, "app", PASSWORD)
    assert PASSWORD not in repr(result)


def test_on_create_a_rerun_changes_nothing_even_with_another_password(emulator, web_app):
    add_user(emulator, web_app, "app")
    mark = emulator.mark()
    result = sql_user(emulator, password="a-different-password")  # not detectable: write-only
    assert result == {"changed": False, "sql_user": {"name": "app"},
                      "diff": {"before": {"name": "app"}, "after": {"name": "app"}}}
    assert emulator.operations(mark) == ["ListClusters", "ListSQLUsers"]
    assert has_password(emulator, web_app, "app", PASSWORD)


def test_by_cluster_id_a_no_op_is_one_read_and_a_change_reads_the_cluster(emulator, web_app):
    add_user(emulator, web_app, "app")
    path = "/api/v1/clusters/" + web_app["id"]
    mark = emulator.mark()
    assert sql_user(emulator, cluster=web_app["id"])["changed"] is False
    assert emulator.since(mark) == [("GET", web_app["base"], 200)]
    mark = emulator.mark()
    assert sql_user(emulator, cluster=web_app["id"], name="reader", password=PASSWORD)["changed"] is True
    assert emulator.since(mark) == [("GET", web_app["base"], 200), ("GET", path, 200), ("POST", web_app["base"], 200)]
    mark = emulator.mark()
    assert sql_user(emulator, cluster=web_app["id"], password=PASSWORD, update_password="always")["changed"] is True
    assert emulator.since(mark) == [("GET", web_app["base"], 200), ("GET", path, 200),
                                    ("PUT", web_app["base"] + "/app/password", 200)]


def test_an_unknown_cluster_id(emulator):
    mark = emulator.mark()
    with pytest.raises(ClusterNotFound, match="^no cluster with id %s$" % UNKNOWN_ID):
        sql_user(emulator, cluster=UNKNOWN_ID, password=PASSWORD)
    assert sql_user(emulator, cluster=UNKNOWN_ID, state="absent")["changed"] is False
    assert emulator.mutations(mark) == []


def test_always_sets_the_password_on_every_run(emulator, web_app):
    add_user(emulator, web_app, "app", password="the-old-password")
    new = "N3w-Horse-Battery"
    predicted = sql_user(emulator, check_mode=True, password=new, update_password="always")
    assert has_password(emulator, web_app, "app", "the-old-password")
    mark = emulator.mark()
    for attempt in (1, 2):
        result = sql_user(emulator, password=new, update_password="always")
        assert result == predicted == {"changed": True, "sql_user": {"name": "app"},
                                       "diff": {"before": {"name": "app"},
                                                "after": {"name": "app", "password": MASK}}}, attempt
    assert emulator.sent(mark) == [("UpdateSQLUserPassword", web_app["base"] + "/app/password", {"password": new})] * 2
    assert has_password(emulator, web_app, "app", new)
    assert new not in repr(result)


def test_always_creates_a_missing_user_with_one_request(emulator, web_app):
    mark = emulator.mark()
    assert sql_user(emulator, password=PASSWORD, update_password="always")["changed"] is True
    assert emulator.mutations(mark) == ["CreateSQLUser"]
    assert has_password(emulator, web_app, "app", PASSWORD)


def test_sql_user_delete_then_nothing_to_delete(emulator, web_app):
    add_user(emulator, web_app, "app")
    add_user(emulator, web_app, "other")
    mark = emulator.mark()
    assert sql_user(emulator, check_mode=True, state="absent")["changed"] is True
    assert emulator.mutations(mark) == []
    mark = emulator.mark()
    result = sql_user(emulator, state="absent")
    assert result == {"changed": True, "sql_user": {}, "diff": {"before": {"name": "app"}, "after": {}}}
    assert emulator.sent(mark) == [("DeleteSQLUser", web_app["base"] + "/app", None)]
    mark = emulator.mark()
    assert sql_user(emulator, state="absent") == {"changed": False, "sql_user": {},
                                                  "diff": {"before": {}, "after": {}}}
    assert emulator.mutations(mark) == []
    assert [u["name"] for u in emulator.admin.get(web_app["base"])["users"]] == ["other"]


def test_a_missing_cluster_absent_is_unchanged_present_fails_clearly(emulator):
    assert sql_user(emulator, state="absent")["changed"] is False
    with pytest.raises(ClusterNotFound) as info:
        sql_user(emulator, password=PASSWORD)
    assert str(info.value) == "no cluster named 'web-app' among 0 clusters"


def test_the_last_of_many_users_is_found_across_pages(emulator, web_app):
    records = emulator.children(web_app["id"], "sql_users")
    for index in range(1, 551):
        records["user%03d" % index] = {"name": "user%03d" % index, "_password_digest": "sha256$x$y"}
    mark = emulator.mark()
    assert sql_user(emulator, name="user550", password=PASSWORD)["changed"] is False
    assert emulator.operations(mark) == ["ListClusters", "ListSQLUsers", "ListSQLUsers"]


# -- the info side ----------------------------------------------------------------------------------

def test_database_info_lists_every_database_and_filters_exactly(emulator, orders_db):
    ctx = emulator.context({"cluster": "orders-db", "name": None})
    mark = emulator.mark()
    assert listing_info(ctx, Databases, "databases") == {
        "changed": False, "databases": [{"name": "defaultdb", "table_count": 0}, {"name": "postgres", "table_count": 0}]}
    assert emulator.operations(mark) == ["ListClusters", "ListDatabases"]
    assert listing_info(emulator.context({"cluster": orders_db["id"], "name": "postgres"}), Databases,
                        "databases")["databases"] == [{"name": "postgres", "table_count": 0}]
    assert listing_info(emulator.context({"cluster": "orders-db", "name": "Postgres"}), Databases,
                        "databases")["databases"] == []


def test_sql_user_info_lists_and_filters(emulator, web_app):
    add_user(emulator, web_app, "a")
    add_user(emulator, web_app, "b")
    mark = emulator.mark()
    assert listing_info(emulator.context({"cluster": "web-app", "name": None}), SqlUsers, "sql_users") == {
        "changed": False, "sql_users": [{"name": "a"}, {"name": "b"}]}
    assert emulator.operations(mark) == ["ListClusters", "ListSQLUsers"]
    assert listing_info(emulator.context({"cluster": "web-app", "name": "b"}), SqlUsers,
                        "sql_users")["sql_users"] == [{"name": "b"}]
    assert listing_info(emulator.context({"cluster": "web-app", "name": "zz"}), SqlUsers,
                        "sql_users")["sql_users"] == []


@pytest.mark.parametrize("description, params, message", [
    (Databases, dict(cluster="", name=None), "cluster must not be empty"),
    (Databases, dict(cluster="orders-db", name=""), "name must not be empty"),
    (SqlUsers, dict(cluster="", name=None), "cluster must not be empty"),
    (SqlUsers, dict(cluster="web-app", name=" "), "name must not be empty"),
])
def test_info_input_checks_need_no_request(emulator, description, params, message):
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match=message):
        listing_info(emulator.context(params), description, "items")
    assert emulator.since(mark) == []


def test_info_on_an_unknown_cluster_names_it(emulator):
    with pytest.raises(ClusterNotFound, match=r"^no cluster named 'nope-cluster' among 0 clusters"):
        listing_info(emulator.context({"cluster": "nope-cluster", "name": None}), SqlUsers, "sql_users")
    with pytest.raises(ClusterNotFound, match="^no cluster with id %s$" % UNKNOWN_ID):
        listing_info(emulator.context({"cluster": UNKNOWN_ID, "name": None}), Databases, "databases")


# -- the set forms: the module's options -------------------------------------------------------------

@pytest.mark.parametrize("module, given, message", [
    (cockroach_database, dict(name="a", databases=["a"]), "parameters are mutually exclusive: name|databases"),
    (cockroach_database, dict(new_name="a", databases=["a"]), "parameters are mutually exclusive: new_name|databases"),
    (cockroach_database, dict(name="a", purge=True), "parameters are mutually exclusive: name|purge"),
    (cockroach_database, dict(), "one of the following is required: name, databases"),
    (cockroach_sql_user, dict(name="a", users=[{"name": "a"}]), "parameters are mutually exclusive: name|users"),
    (cockroach_sql_user, dict(password=PASSWORD, users=[{"name": "a"}]),
     "parameters are mutually exclusive: password|users"),
    (cockroach_sql_user, dict(name="a", purge=False), "parameters are mutually exclusive: name|purge"),
    (cockroach_sql_user, dict(), "one of the following is required: name, users"),
    (cockroach_sql_user, dict(users=[{"password": PASSWORD}]), "missing required arguments: name found in users"),
])
def test_bad_combinations_fail_with_ansibles_own_message(module, given, message):
    assert message in validate(module, cluster="c", **given).error_messages


def test_the_passwords_of_users_are_no_log_values():
    validated = validate(cockroach_sql_user, cluster="c", users=[{"name": "a", "password": PASSWORD},
                                                                 {"name": "b", "password": "Other-Pa55word"}])
    assert validated._no_log_values >= set([PASSWORD, "Other-Pa55word"])  # pylint: disable=protected-access


def test_the_dispatchers_pick_the_set_only_for_a_list(emulator, orders_db):
    one = database_task(emulator.context(task(cockroach_database, cluster="orders-db", name="orders")))
    assert one["database"] == {"name": "orders", "table_count": 0} and "databases" not in one
    many = database_task(emulator.context(task(cockroach_database, cluster="orders-db", databases=[])))
    assert many["changed"] is False and "database" not in many
    assert [d["name"] for d in many["databases"]] == ["defaultdb", "orders", "postgres"]
    emulator.cluster("web-app")
    user = sql_user_task(emulator.context(task(cockroach_sql_user, cluster="web-app", name="app", password=PASSWORD)))
    assert user["sql_user"] == {"name": "app"}
    users = sql_user_task(emulator.context(task(cockroach_sql_user, cluster="web-app", users=[])))
    assert users["sql_users"] == [{"name": "app"}] and "sql_user" not in users


# -- the set of databases ------------------------------------------------------------------------------

def databases(emulator, check_mode=False, **given):
    given.setdefault("cluster", "orders-db")
    return DatabaseSet(emulator.context(task(cockroach_database, **given), check_mode=check_mode)).run()


def named(members):
    return [m["name"] for m in members]


@pytest.mark.parametrize("given, message", [
    (dict(databases=[""]), r"^databases\[0\]: name must not be empty"),
    (dict(databases=["orders", "my.db"]), r"^databases\[1\]: invalid database name 'my.db'"),
    (dict(databases=[{"name": "d" * 64}]), r"^databases\[0\]: invalid database name .*1 to 63 letters"),
    (dict(databases=["orders", {"name": "orders"}]), r"^databases\[0\] and databases\[1\] both name the database "
                                                     r"orders; list each database once$"),
    (dict(databases=[{"name": "a", "owner": "x"}]), r"^databases\[0\]: unknown key owner"),
    (dict(databases=[{}]), r"^databases\[0\]: name must not be empty"),
    (dict(databases=[2024]), r"^databases\[0\]: 2024 is not a database name \(a int\); quote it"),
    (dict(databases=[["a"]]), r"^databases\[0\]: \['a'\] is not a database name"),
    (dict(databases=["a"], purge=True, state="absent"), "purge applies to state=present only"),
    (dict(databases=["a"], cluster=" "), "cluster must not be empty"),
])
def test_database_set_input_checks_need_no_request(emulator, orders_db, given, message):
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match=message):
        databases(emulator, **given)
    assert emulator.since(mark) == []


def test_database_set_adds_keeps_and_a_rerun_is_one_listing(emulator, orders_db):
    emulator.admin.post(orders_db["base"], {"name": "orders"})
    wanted = ["orders", {"name": "billing"}, "audit"]
    mark = emulator.mark()
    predicted = databases(emulator, check_mode=True, databases=wanted)
    assert emulator.mutations(mark) == []
    mark = emulator.mark()
    done = databases(emulator, databases=wanted)
    assert done == predicted
    assert emulator.operations(mark) == ["ListClusters", "ListDatabases", "CreateDatabase", "CreateDatabase"]
    assert emulator.sent(mark) == [("CreateDatabase", orders_db["base"], {"name": "audit"}),
                                   ("CreateDatabase", orders_db["base"], {"name": "billing"})]
    after = ("audit", "billing", "defaultdb", "orders", "postgres")
    assert done == {
        "changed": True, "added": ["audit", "billing"], "updated": [], "removed": [], "cluster_id": orders_db["id"],
        "databases": [{"name": n, "table_count": 0} for n in after],
        "diff": {"before": {"databases": [{"name": "defaultdb"}, {"name": "orders"}, {"name": "postgres"}]},
                 "after": {"databases": [{"name": n} for n in after]}}}
    mark = emulator.mark()
    again = databases(emulator, databases=wanted)
    assert again["changed"] is False and (again["added"], again["removed"]) == ([], [])
    assert again["diff"]["before"] == again["diff"]["after"] == done["diff"]["after"]
    assert again["databases"] == done["databases"]
    assert emulator.operations(mark) == ["ListClusters", "ListDatabases"]


def test_database_set_keeps_table_counts_and_unlisted_databases_without_purge(emulator, orders_db):
    emulator.admin.get(orders_db["base"])  # the emulator makes defaultdb and postgres on first use
    emulator.children(orders_db["id"], "databases")["orders"] = {"name": "orders", "table_count": 7}
    done = databases(emulator, databases=["billing"])
    assert done["databases"] == [{"name": "billing", "table_count": 0}, {"name": "defaultdb", "table_count": 0},
                                 {"name": "orders", "table_count": 7}, {"name": "postgres", "table_count": 0}]


def test_database_set_purge_never_removes_the_built_in_databases(emulator, orders_db):
    for name in ("orders", "legacy", "scratch"):
        emulator.admin.post(orders_db["base"], {"name": name})
    mark = emulator.mark()
    predicted = databases(emulator, check_mode=True, databases=["orders", "billing"], purge=True)
    assert emulator.mutations(mark) == []
    mark = emulator.mark()
    done = databases(emulator, databases=["orders", "billing"], purge=True)
    assert done == predicted
    assert (done["added"], done["removed"]) == (["billing"], ["legacy", "scratch"])
    assert emulator.sent(mark) == [("CreateDatabase", orders_db["base"], {"name": "billing"}),  # adds first
                                   ("DeleteDatabase", orders_db["base"] + "/legacy", None),
                                   ("DeleteDatabase", orders_db["base"] + "/scratch", None)]
    assert named(done["databases"]) == ["billing", "defaultdb", "orders", "postgres"]
    assert named(done["diff"]["before"]["databases"]) == ["defaultdb", "legacy", "orders", "postgres", "scratch"]
    assert named(done["diff"]["after"]["databases"]) == ["billing", "defaultdb", "orders", "postgres"]
    # An empty list with purge: every database but the built-in ones.
    mark = emulator.mark()
    emptied = databases(emulator, databases=[], purge=True)
    assert emptied["removed"] == ["billing", "orders"]
    assert named(emptied["databases"]) == database_names(emulator, orders_db) == ["defaultdb", "postgres"]
    mark = emulator.mark()
    assert databases(emulator, databases=[], purge=True)["changed"] is False
    assert emulator.operations(mark) == ["ListClusters", "ListDatabases"]


def test_database_set_absent_removes_the_listed_ones_even_built_in(emulator, orders_db):
    for name in ("orders", "billing"):
        emulator.admin.post(orders_db["base"], {"name": name})
    mark = emulator.mark()
    predicted = databases(emulator, check_mode=True, databases=["orders", "postgres", "never-made"], state="absent")
    assert emulator.mutations(mark) == []
    done = databases(emulator, databases=["orders", "postgres", "never-made"], state="absent")
    assert done == predicted
    assert (done["changed"], done["added"], done["removed"]) == (True, [], ["orders", "postgres"])
    assert emulator.sent(mark) == [("DeleteDatabase", orders_db["base"] + "/orders", None),
                                   ("DeleteDatabase", orders_db["base"] + "/postgres", None)]
    assert named(done["databases"]) == ["billing", "defaultdb"]
    mark = emulator.mark()
    again = databases(emulator, databases=["orders", "postgres", "never-made"], state="absent")
    assert again["changed"] is False and again["removed"] == []
    assert emulator.operations(mark) == ["ListClusters", "ListDatabases"]


def test_database_set_on_a_missing_cluster(emulator):
    assert databases(emulator, databases=["a"], state="absent") == {
        "changed": False, "databases": [], "added": [], "updated": [], "removed": [], "cluster_id": None,
        "diff": {"before": {"databases": []}, "after": {"databases": []}}}
    with pytest.raises(ClusterNotFound, match="^no cluster named 'orders-db' among 0 clusters"):
        databases(emulator, databases=["a"])
    ctx = emulator.context(task(cockroach_database, cluster="orders-db", databases=["a"]), check_mode=True)
    predicted = DatabaseSet(ctx).run()  # an earlier task of the play would create the cluster
    assert predicted["changed"] is True and predicted["added"] == ["a"]
    assert "predicts its change as on a new, empty cluster" in ctx.warnings[0]


def test_database_set_names_that_need_quoting_in_a_path(emulator, orders_db):
    mark = emulator.mark()
    assert databases(emulator, databases=["-x", "a_b-c"])["added"] == ["-x", "a_b-c"]
    assert databases(emulator, databases=["-x", "a_b-c"], state="absent")["removed"] == ["-x", "a_b-c"]
    assert emulator.mutations(mark) == ["CreateDatabase", "CreateDatabase", "DeleteDatabase", "DeleteDatabase"]


# -- the set of SQL users ----------------------------------------------------------------------------

OTHER = "An0ther-Passw0rd"


def users(emulator, check_mode=False, **given):
    given.setdefault("cluster", "web-app")
    return SqlUserSet(emulator.context(task(cockroach_sql_user, **given), check_mode=check_mode)).run()


def assert_no_password(value, *passwords):
    text = repr(value)
    for password in passwords or (PASSWORD, OTHER):
        assert password not in text
        assert password[:7] not in text


@pytest.mark.parametrize("given, message", [
    (dict(users=[{"name": ""}]), r"^users\[0\]: name must not be empty"),
    (dict(users=[{"name": "ok", "password": PASSWORD}, {"name": "App", "password": OTHER}]),
     r"^users\[1\]: invalid SQL user name 'App'"),
    (dict(users=[{"name": "root", "password": PASSWORD}]), r"^users\[0\]: SQL user name 'root' is reserved"),
    (dict(users=[{"name": "admin"}], state="absent"), r"^users\[0\]: SQL user name 'admin' is reserved"),
    (dict(users=[{"name": "app", "password": PASSWORD}, {"name": "app", "password": OTHER}]),
     r"^users\[0\] and users\[1\] both name the SQL user app; list each SQL user once$"),
    (dict(users=[{"name": "app", "password": PASSWORD}, {"name": "bob", "password": "short7!"}]),
     r"^users\[1\] \(SQL user bob\): password is too short: a SQL user password needs at least 8 characters$"),
    (dict(users=[{"name": "app", "password": PASSWORD}, {"name": "bob"}], update_password="always"),
     r"^users\[1\] \(SQL user bob\): update_password=always needs a password for every listed user$"),
    (dict(users=[{"name": "app", "password": PASSWORD}], purge=True, state="absent"),
     "purge applies to state=present only"),
    (dict(users=[{"name": "app", "password": PASSWORD}], cluster=""), "cluster must not be empty"),
])
def test_sql_user_set_input_checks_need_no_request_and_never_echo_a_password(emulator, web_app, given, message):
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match=message) as info:
        users(emulator, **given)
    assert emulator.since(mark) == []
    assert_no_password(str(info.value), PASSWORD, OTHER, "short7!")


def test_sql_user_set_adds_with_passwords_masked_and_a_rerun_is_one_listing(emulator, web_app):
    add_user(emulator, web_app, "app")
    wanted = [{"name": "app", "password": "a-changed-password"}, {"name": "reader", "password": PASSWORD},
              {"name": "writer", "password": OTHER}]
    mark = emulator.mark()
    predicted = users(emulator, check_mode=True, users=wanted)
    assert emulator.mutations(mark) == []
    mark = emulator.mark()
    done = users(emulator, users=wanted)
    assert done == predicted
    assert emulator.operations(mark) == ["ListClusters", "ListSQLUsers", "CreateSQLUser", "CreateSQLUser"]
    assert emulator.sent(mark) == [("CreateSQLUser", web_app["base"], {"name": "reader", "password": PASSWORD}),
                                   ("CreateSQLUser", web_app["base"], {"name": "writer", "password": OTHER})]
    assert done == {
        "changed": True, "added": ["reader", "writer"], "updated": [], "removed": [], "cluster_id": web_app["id"],
        "sql_users": [{"name": "app"}, {"name": "reader"}, {"name": "writer"}],
        "diff": {"before": {"users": [{"name": "app"}]},
                 "after": {"users": [{"name": "app"}, {"name": "reader", "password": MASK},
                                     {"name": "writer", "password": MASK}]}}}
    assert_no_password(done, PASSWORD, OTHER, "a-changed-password")
    assert has_password(emulator, web_app, "reader", PASSWORD) and has_password(emulator, web_app, "writer", OTHER)
    assert has_password(emulator, web_app, "app", PASSWORD)  # on_create: an existing user keeps its password
    mark = emulator.mark()
    again = users(emulator, users=wanted)
    assert again["changed"] is False and again["diff"]["before"] == again["diff"]["after"]
    assert again["sql_users"] == done["sql_users"]
    assert emulator.operations(mark) == ["ListClusters", "ListSQLUsers"]


def test_sql_user_set_always_sends_one_put_per_listed_user(emulator, web_app):
    add_user(emulator, web_app, "app", password="the-old-password")
    add_user(emulator, web_app, "reader", password="the-old-password")
    add_user(emulator, web_app, "other")
    wanted = [{"name": "reader", "password": OTHER}, {"name": "app", "password": PASSWORD}]
    mark = emulator.mark()
    predicted = users(emulator, check_mode=True, users=wanted, update_password="always")
    assert emulator.mutations(mark) == []
    assert has_password(emulator, web_app, "app", "the-old-password")
    for attempt in (1, 2):  # every run sets them again
        mark = emulator.mark()
        done = users(emulator, users=wanted, update_password="always")
        assert done == predicted, attempt
        assert emulator.operations(mark) == ["ListClusters", "ListSQLUsers", "UpdateSQLUserPassword",
                                             "UpdateSQLUserPassword"]
        assert emulator.sent(mark) == [
            ("UpdateSQLUserPassword", web_app["base"] + "/app/password", {"password": PASSWORD}),
            ("UpdateSQLUserPassword", web_app["base"] + "/reader/password", {"password": OTHER})]
    assert (done["changed"], done["added"], done["updated"], done["removed"]) == (True, [], ["app", "reader"], [])
    assert done["diff"] == {"before": {"users": [{"name": "app"}, {"name": "other"}, {"name": "reader"}]},
                            "after": {"users": [{"name": "app", "password": MASK}, {"name": "other"},
                                                {"name": "reader", "password": MASK}]}}
    assert_no_password(done)
    assert has_password(emulator, web_app, "app", PASSWORD) and has_password(emulator, web_app, "reader", OTHER)


def test_sql_user_set_a_new_user_without_a_password_fails_before_any_change(emulator, web_app):
    add_user(emulator, web_app, "app")
    wanted = [{"name": "app"}, {"name": "reader", "password": PASSWORD}, {"name": "writer"}]
    for check_mode in (True, False):
        mark = emulator.mark()
        with pytest.raises(InvalidInput) as info:
            users(emulator, check_mode=check_mode, users=wanted)
        assert str(info.value) == "SQL user writer does not exist on cluster web-app: give a password to create it"
        assert emulator.mutations(mark) == []
    with pytest.raises(InvalidInput, match="^SQL users reader, writer do not exist on cluster web-app: give each a "
                                           "password to create them$"):
        users(emulator, users=[{"name": "writer"}, {"name": "reader"}])
    assert [u["name"] for u in emulator.admin.get(web_app["base"])["users"]] == ["app"]


def test_sql_user_set_purge_and_absent(emulator, web_app):
    for name in ("app", "legacy", "temp"):
        add_user(emulator, web_app, name)
    # A listing that shows a built-in role (the emulator's never does): a purge leaves it.
    emulator.children(web_app["id"], "sql_users")["root"] = {"name": "root", "_password_digest": "sha256$x$y"}
    wanted = [{"name": "app", "password": PASSWORD}, {"name": "reader", "password": OTHER}]
    mark = emulator.mark()
    predicted = users(emulator, check_mode=True, users=wanted, purge=True)
    assert emulator.mutations(mark) == []
    mark = emulator.mark()
    done = users(emulator, users=wanted, purge=True)
    assert done == predicted
    assert (done["added"], done["updated"], done["removed"]) == (["reader"], [], ["legacy", "temp"])
    assert emulator.sent(mark) == [("CreateSQLUser", web_app["base"], {"name": "reader", "password": OTHER}),
                                   ("DeleteSQLUser", web_app["base"] + "/legacy", None),
                                   ("DeleteSQLUser", web_app["base"] + "/temp", None)]
    assert named(done["sql_users"]) == ["app", "reader", "root"]
    assert_no_password(done)
    # state=absent: the listed users go, their passwords are not needed nor checked.
    mark = emulator.mark()
    gone = users(emulator, users=[{"name": "reader", "password": "short"}, {"name": "nobody"}], state="absent")
    assert (gone["changed"], gone["removed"]) == (True, ["reader"])
    assert gone["diff"] == {"before": {"users": [{"name": "app"}, {"name": "reader"}, {"name": "root"}]},
                            "after": {"users": [{"name": "app"}, {"name": "root"}]}}
    assert emulator.sent(mark) == [("DeleteSQLUser", web_app["base"] + "/reader", None)]
    mark = emulator.mark()
    assert users(emulator, users=[{"name": "reader"}], state="absent")["changed"] is False
    assert emulator.operations(mark) == ["ListClusters", "ListSQLUsers"]


def test_sql_user_set_a_failure_midway_never_shows_a_password(emulator, web_app):
    client = emulator.client()
    change = client.change

    def change_after_someone_else(method, path, applied, body=None, **options):
        if body and body.get("name") == "writer":  # made by someone else since the listing: 409
            add_user(emulator, web_app, "writer")
        return change(method, path, applied, body=body, **options)

    client.change = change_after_someone_else
    params = task(cockroach_sql_user, cluster="web-app", users=[{"name": "reader", "password": PASSWORD},
                                                                {"name": "writer", "password": OTHER}])
    failure = run_task(sql_user_task, emulator.context(params, client=client))
    assert failure["failed"] is True and failure["changed"] is True
    assert failure["added"] == ["reader"]
    assert failure["msg"].endswith("(before this failure the task had added 1, updated 0 and removed 0 of 2, 0 and "
                                   "0 SQL users)")
    assert failure["error"]["status"] == 409
    assert_no_password(failure)


def test_sql_user_set_on_a_missing_cluster(emulator):
    assert users(emulator, users=[{"name": "a"}], state="absent")["changed"] is False
    with pytest.raises(ClusterNotFound, match="^no cluster named 'web-app' among 0 clusters"):
        users(emulator, users=[{"name": "a", "password": PASSWORD}])
    with pytest.raises(ApiError):  # the same through the dispatcher
        sql_user_task(emulator.context(task(cockroach_sql_user, cluster="web-app",
                                            users=[{"name": "a", "password": PASSWORD}])))


# -- the live wire format ------------------------------------------------------------------------

@pytest.fixture
def live_db(live):
    cluster = live.cluster("orders-db")
    cluster["base"] = "/api/v1/clusters/%s/databases" % cluster["id"]
    return cluster


def test_live_database_create_rerun_rename_delete(live, live_db):
    mark = live.mark()
    predicted = database(live, check_mode=True)
    assert live.mutations(mark) == []
    mark = live.mark()
    result = database(live)
    # the result keeps the live answer (int64 as a string); the prediction says the same
    assert result == predicted == {"changed": True, "database": {"name": "orders", "table_count": "0"},
                                   "diff": {"before": {}, "after": {"name": "orders"}}}
    assert live.sent(mark) == [("CreateDatabase", live_db["base"], {"name": "orders"})]
    mark = live.mark()
    assert database(live)["changed"] is False and live.mutations(mark) == []
    mark = live.mark()
    renamed = database(live, new_name="orders_v2")
    assert live.sent(mark) == [("EditDatabase", live_db["base"] + "/orders", {"new_name": "orders_v2"})]
    assert renamed["diff"] == {"before": {"name": "orders"}, "after": {"name": "orders_v2"}}
    mark = live.mark()
    assert database(live, new_name="orders_v2")["changed"] is False and live.mutations(mark) == []
    mark = live.mark()
    gone = database(live, name="orders_v2", state="absent")
    assert gone["changed"] is True and live.sent(mark) == [("DeleteDatabase", live_db["base"] + "/orders_v2", None)]
    mark = live.mark()
    assert database(live, name="orders_v2", state="absent")["changed"] is False and live.mutations(mark) == []


def test_live_database_set_reads_table_counts_as_integers(live, live_db):
    live.admin.get(live_db["base"])  # the emulator makes defaultdb and postgres on first use
    live.children(live_db["id"], "databases")["orders"] = {"name": "orders", "table_count": 7}
    assert live.admin.get(live_db["base"])["databases"][-1] == {"name": "orders", "table_count": "7"}
    mark = live.mark()
    predicted = databases(live, check_mode=True, databases=["billing"])
    done = databases(live, databases=["billing"])
    assert done == predicted
    assert done["databases"] == [{"name": "billing", "table_count": 0}, {"name": "defaultdb", "table_count": 0},
                                 {"name": "orders", "table_count": 7}, {"name": "postgres", "table_count": 0}]
    assert live.sent(mark) == [("CreateDatabase", live_db["base"], {"name": "billing"})]
    mark = live.mark()
    assert databases(live, databases=["billing"])["changed"] is False and live.mutations(mark) == []


def test_live_sql_user_create_rerun_password_delete(live):
    cluster = live.cluster("web-app")
    base = "/api/v1/clusters/%s/sql-users" % cluster["id"]
    mark = live.mark()
    created = sql_user(live, password=PASSWORD)
    assert created["changed"] is True and created["sql_user"] == {"name": "app"}
    assert live.sent(mark) == [("CreateSQLUser", base, {"name": "app", "password": PASSWORD})]
    mark = live.mark()
    assert sql_user(live, password=PASSWORD)["changed"] is False and live.mutations(mark) == []
    mark = live.mark()
    assert sql_user(live, password="An0ther-Passw0rd", update_password="always")["changed"] is True
    assert live.sent(mark) == [("UpdateSQLUserPassword", base + "/app/password", {"password": "An0ther-Passw0rd"})]
    mark = live.mark()
    assert sql_user(live, state="absent")["changed"] is True
    assert live.sent(mark) == [("DeleteSQLUser", base + "/app", None)]
    mark = live.mark()
    assert users(live, users=[{"name": "reader", "password": PASSWORD}])["changed"] is True
    assert live.sent(mark) == [("CreateSQLUser", base, {"name": "reader", "password": PASSWORD})]
    mark = live.mark()
    assert users(live, users=[{"name": "reader", "password": PASSWORD}])["changed"] is False
    assert live.mutations(mark) == []
