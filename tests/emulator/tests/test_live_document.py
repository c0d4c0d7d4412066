"""The live document as the emulator validates with it: strict, its contradictions resolved,
answers fitted to it."""

from tests.emulator.live import document
from tests.emulator.live.conform import answer_schema, conform


def schemas():
    return document.strict_document()["components"]["schemas"]


def test_every_object_with_properties_takes_no_other_field():
    loose = [name for name, schema in schemas().items()
             if "properties" in schema and "additionalProperties" not in schema]
    assert loose == [] and schemas()["Cluster"]["additionalProperties"] is False
    assert schemas()["Cluster"]["properties"]["labels"]["additionalProperties"] == {"type": "string"}


def test_a_required_key_the_document_does_not_declare_is_declared_and_required_by_none():
    for name, schema in schemas().items():
        assert set(schema.get("required", [])) <= set(schema.get("properties", {})), name
    persons = schemas()["GetPersonUsersByEmailResponse"]
    assert {"user", "users"} <= set(persons["properties"]) and "required" not in persons
    rule = schemas()["AddEgressRuleResponse"]
    assert rule["properties"]["rule"] == rule["properties"]["Rule"]
    assert "is_customer_cloud_account" not in schemas()["Cluster"]["required"]


def test_the_published_copy_is_left_as_it_is():
    published = document.load_document()["components"]["schemas"]
    assert published["GetPersonUsersByEmailResponse"]["required"] == ["users"]
    assert "additionalProperties" not in published["Cluster"]


def test_operation_ids_are_the_contracts():
    ids = [op["operationId"] for item in document.load_document()["paths"].values()
           for op in item.values() if isinstance(op, dict) and "operationId" in op]
    assert len(ids) == 144 and "CreateCluster" in ids and not [i for i in ids if i.startswith("CockroachCloud_")]


def test_conform_drops_undeclared_keys_and_sends_int64_as_strings():
    schema = answer_schema("GetCluster", 200)
    cluster = {"id": "x", "config": {"serverless": {"spend_limit": 5, "usage_limits": {"request_unit_limit": 100}}},
               "regions": [{"name": "r", "node_count": 0, "extra": 1}]}
    assert conform(cluster, schema) == {"id": "x", "config": {"serverless": {"usage_limits": {"request_unit_limit": "100"}}},
                                        "regions": [{"name": "r", "node_count": 0}]}
