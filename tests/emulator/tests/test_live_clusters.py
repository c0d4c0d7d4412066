"""Clusters in the live wire format (``--contract live``): the create request in ``spec`` with
the tier, answers as the live document has them, and what the strict document refuses."""

CLUSTERS = "/api/v1/clusters"
SERVERLESS = {"name": "web-app", "provider": "GCP",
              "spec": {"plan": "BASIC", "serverless": {"regions": ["us-central1"],
                                                       "usage_limits": {"request_unit_limit": "1000"}}}}


def test_a_live_create_gives_a_live_cluster(live_api):
    cluster = live_api.ok(live_api.post(CLUSTERS, SERVERLESS))
    assert cluster["plan"] == "BASIC"
    assert cluster["config"]["serverless"] == {"routing_id": cluster["config"]["serverless"]["routing_id"],
                                               "upgrade_type": "AUTOMATIC",
                                               "usage_limits": {"request_unit_limit": "1000"}}
    assert {"ui_dns", "internal_dns", "private_endpoint_dns", "sql_dns"} <= set(cluster["regions"][0])
    assert cluster["is_customer_cloud_account"] is False and cluster["cidr_range"] == ""
    again = live_api.ok(live_api.get(CLUSTERS + "/" + cluster["id"]))
    assert again["plan"] == "BASIC"


def test_the_contract_shape_is_refused_naming_the_field(live_api):
    body = dict(SERVERLESS, regions=["us-central1"])
    answer = live_api.post(CLUSTERS, body)
    assert answer.status_code == 400
    assert "'regions' was unexpected" in answer.get_json()["message"]
    spend = {"name": "web-app", "provider": "GCP", "spec": {"serverless": {"regions": ["us-central1"], "spend_limit": 5}}}
    assert "'spend_limit' was unexpected" in live_api.post(CLUSTERS, spend).get_json()["message"]


def test_an_unknown_query_parameter_is_refused(live_api):
    answer = live_api.get(CLUSTERS, query={"show_deleted": "true"})
    assert answer.status_code == 400 and "show_deleted" in answer.get_json()["message"]


def test_a_tier_changes_in_place_but_not_the_kind(live_api):
    cluster = live_api.ok(live_api.post(CLUSTERS, SERVERLESS))
    path = CLUSTERS + "/" + cluster["id"]
    assert live_api.ok(live_api.patch(path, {"plan": "STANDARD"}))["plan"] == "STANDARD"
    refused = live_api.patch(path, {"plan": "ADVANCED"})
    assert refused.status_code == 400 and "its plan cannot change to ADVANCED" in refused.get_json()["message"]


def test_a_dedicated_cluster_is_advanced_and_pages_are_live(live_api):
    live_api.create_cluster("orders-db", plan="dedicated", provider="AWS")
    live_api.create_cluster("web-app1")
    page = live_api.ok(live_api.get(CLUSTERS, query={"pagination.limit": "1"}))
    assert page["clusters"][0]["plan"] == "ADVANCED" and set(page["pagination"]) == {"next_page"}
    rest = live_api.ok(live_api.get(CLUSTERS, query={"pagination.page": page["pagination"]["next_page"]}))
    assert rest["clusters"][0]["plan"] == "STANDARD" and rest["pagination"] == {}


def test_every_answer_names_the_wire_format(api, live_api):
    assert api.get(CLUSTERS).headers["X-Cockroach-Emulator-Contract"] == "contract"
    assert live_api.get(CLUSTERS).headers["X-Cockroach-Emulator-Contract"] == "live"
    assert live_api.get("/api/v1/nope").headers["X-Cockroach-Emulator-Contract"] == "live"


def test_the_operations_beyond_the_contract_answer_501(live_api):
    cluster = live_api.create_cluster("web-app1")
    answer = live_api.get(CLUSTERS + "/%s/blackout-windows" % cluster["id"])
    assert answer.status_code == 501 and "ListBlackoutWindows is not implemented" in answer.get_json()["message"]


def test_the_connection_string_has_its_parts(live_api):
    cluster = live_api.create_cluster("web-app1")
    answer = live_api.ok(live_api.get(CLUSTERS + "/%s/connection-string" % cluster["id"], query={"sql_user": "app"}))
    assert answer["params"] == {"Host": cluster["sql_dns"], "Port": "26257", "Database": "defaultdb", "Username": "app"}


def test_the_request_log_says_which_requests_the_document_refused(live_api):
    live_api.post(CLUSTERS, dict(SERVERLESS, regions=["us-central1"]))
    live_api.post(CLUSTERS, SERVERLESS)
    refused, taken = live_api.request_log()[-2:]
    assert (refused["status"], refused["invalid"]) == (400, True)
    assert (taken["status"], taken["invalid"]) == (200, False)
