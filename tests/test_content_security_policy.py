"""Pages work under the strict Content-Security-Policy: nothing inline, nothing from elsewhere."""

import re

import pytest

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.I)
# Resources the page loads (scripts, images, stylesheets); links readers follow may go anywhere.
EXTERNAL = re.compile(r"""(?:\bsrc=|<link\b[^>]*\bhref=)["'](?:https?:)?//""", re.I)


def assert_runs_under_the_policy(response):
    html = response.content.decode()
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert not INLINE_SCRIPT.findall(html), INLINE_SCRIPT.findall(html)
    assert not INLINE_STYLE.findall(html)
    assert not EXTERNAL.findall(html)


def first_position_id():
    from positions.models import Position

    return Position.objects.public().order_by("pk").values_list("pk", flat=True)[0]


@pytest.mark.parametrize("path", ["/", "/topics/ukraine-nato-membership/", "/positions/{id}/"])
def test_public_pages_run_under_the_policy(client, seeded, path):
    response = client.get(path.format(id=first_position_id()))
    assert response.status_code == 200
    assert_runs_under_the_policy(response)


@pytest.mark.parametrize(
    "path",
    [
        "/admin/login/",
        "/admin/",
        "/admin/positions/position/",
        "/admin/positions/position/add/",
        "/admin/positions/position/{id}/change/",
    ],
)
def test_admin_pages_run_under_the_policy(client, seeded, superuser, path):
    if path != "/admin/login/":
        superuser.save()  # UserFactory leaves the password it set unsaved.
        client.force_login(superuser)
    response = client.get(path.format(id=first_position_id()))
    assert response.status_code == 200
    assert_runs_under_the_policy(response)


def test_the_api_docs_run_under_the_policy_from_local_files(client, db):
    page = client.get("/api/v1/docs/")
    assert page.status_code == 200
    assert_runs_under_the_policy(page)
    scripts = re.findall(r'<script src="([^"]+)"', page.content.decode())
    assert scripts == [
        "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js",
        "/static/positions/api/docs.js",
    ]
    assert 'data-schema-url="/api/v1/schema/"' in page.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/",
        "/api/v1/positions/",
        "/api/v1/positions/{id}/",
        "/api/v1/parties/",
        "/api/v1/timeline/?topic=x",
    ],
)
def test_the_browsable_api_runs_under_the_policy(client, seeded, path):
    # DRF styles a list's "Filters" button and a record's "Extra actions" menu inline.
    response = client.get(path.format(id=first_position_id()), HTTP_ACCEPT="text/html")
    assert response["Content-Type"].startswith("text/html")
    assert_runs_under_the_policy(response)
    html = response.content.decode()
    assert "/static/positions/api/browsable-api.css" in html
    if path == "/api/v1/positions/":
        assert 'class="btn btn-default api-action-right"' in html
    if path == "/api/v1/positions/{id}/":
        assert 'class="dropdown api-action-right"' in html
