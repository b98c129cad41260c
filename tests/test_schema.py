"""The OpenAPI schema: valid, fully described, served with its docs, and true to the API."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from positions.api.export import COLUMN_NAMES

# Schemathesis's in-process client does not undo gzip, which the API applies when asked.
PLAIN = {"Accept-Encoding": "identity"}


@pytest.fixture(scope="module")
def openapi():
    return SchemaGenerator().get_schema(request=None, public=True)


def test_schema_is_valid_openapi(openapi):
    validate_schema(openapi)


def test_schema_documents_every_endpoint(openapi):
    paths = set(openapi["paths"])
    for resource in ("parties", "people", "topics", "events"):
        assert {f"/api/v1/{resource}/", f"/api/v1/{resource}/{{slug}}/"} <= paths
    assert {
        "/api/v1/sources/",
        "/api/v1/sources/{id}/",
        "/api/v1/positions/",
        "/api/v1/positions/{id}/",
        "/api/v1/positions/{id}/history/",
        "/api/v1/positions/{id}/submit/",
        "/api/v1/positions/{id}/publish/",
        "/api/v1/positions/{id}/send-back/",
        "/api/v1/positions/{id}/retract/",
        "/api/v1/positions/export.csv",
        "/api/v1/positions/export.jsonl",
        "/api/v1/timeline/",
        "/api/v1/compare/",
    } <= paths


def test_every_parameter_is_described(openapi):
    undescribed = [
        f"{method.upper()} {path} {parameter['name']}"
        for path, operations in openapi["paths"].items()
        for method, operation in operations.items()
        for parameter in operation.get("parameters", [])
        if not parameter.get("description", "").strip()
    ]
    assert undescribed == []


def test_every_field_is_described(openapi):
    undescribed = []
    for name, component in openapi["components"]["schemas"].items():
        for field, schema in component.get("properties", {}).items():
            if not (schema.get("description") or "").strip():
                undescribed.append(f"{name}.{field}")
    assert undescribed == []


def test_position_filters_are_in_the_schema(openapi):
    parameters = {p["name"] for p in openapi["paths"]["/api/v1/positions/"]["get"]["parameters"]}
    assert {
        "party",
        "topic",
        "speaker",
        "source",
        "stance",
        "stance_score_min",
        "stance_score_max",
        "stated_after",
        "stated_before",
        "updated_since",
        "move",
        "status",
        "q",
        "ordering",
        "cursor",
        "page_size",
    } <= parameters


def test_export_columns_are_documented(openapi):
    description = openapi["paths"]["/api/v1/positions/export.csv"]["get"]["description"]
    assert all(f"`{column}`" in description for column in COLUMN_NAMES)


@pytest.mark.django_db
def test_schema_and_docs_are_served_without_a_cdn(client):
    schema = client.get("/api/v1/schema/")
    assert schema.status_code == 200
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    page = docs.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in page
    assert "cdn" not in page.lower()


@pytest.fixture
def wsgi_app():
    """The real WSGI application, kept inside the test's transaction.

    Django closes connections at the end of each request; in a test that would end the
    transaction holding the test's data, so that is switched off as the test client does.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


MAX_EXAMPLES = 12


@pytest.mark.django_db
def test_api_conforms_to_its_schema(seeded, wsgi_app):
    """Generated requests to every operation: no server error, every response as documented."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", wsgi_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 20

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def conforms(case):
            case.call_and_validate(
                headers=PLAIN,
                checks=[not_a_server_error, response_schema_conformance, content_type_conformance],
            )

        conforms()


@pytest.mark.django_db
def test_writes_by_a_reviewer_conform_to_the_schema(seeded, wsgi_app, reviewer):
    """Generated writes with a reviewer's token: refused or done, never a server error."""
    from rest_framework.authtoken.models import Token

    headers = {"Authorization": f"Token {Token.objects.create(user=reviewer).key}", **PLAIN}
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", wsgi_app)
    writes = [
        operation
        for operation in (result.ok() for result in schema.get_all_operations())
        if operation.method.upper() in {"POST", "PATCH", "DELETE"}
    ]
    assert len(writes) == 7

    for operation in writes:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def conforms(case):
            case.call_and_validate(
                headers=headers, checks=[not_a_server_error, response_schema_conformance]
            )

        conforms()
