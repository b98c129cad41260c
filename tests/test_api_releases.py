"""Dataset releases over HTTP: listed with their licence, citation and checksums, and each
file downloadable as released, with its checksum as ETag."""

import hashlib
import json

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def releases(seeded, settings, tmp_path):
    settings.STANDPOINT_RELEASES_DIR = tmp_path
    call_command(
        "export_dataset", tmp_path / "2026.1", "--release=2026.1", "--release-date=2026-11-28",
        verbosity=0,
    )  # fmt: skip
    return tmp_path


def test_releases_are_listed_with_licence_citation_and_checksums(api, releases):
    response = api.get("/api/v1/releases/")
    assert response.status_code == 200
    [release] = response.json()["results"]
    assert release["release"] == "2026.1"
    assert release["release_date"] == "2026-11-28"
    assert release["licence"]["name"] == "CC BY 4.0"
    assert "2026.1" in release["suggested_citation"]
    assert release["counts"]["positions"] == 9
    files = {f["name"]: f for f in release["files"]}
    assert {"positions.csv", "positions.json", "position_history.json"} <= set(files)
    data = (releases / "2026.1" / "positions.csv").read_bytes()
    assert files["positions.csv"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert files["positions.csv"]["url"] == (
        "http://testserver/api/v1/releases/2026.1/positions.csv"
    )


def test_a_release_file_downloads_as_released_with_its_checksum_as_etag(api, releases):
    response = api.get("/api/v1/releases/2026.1/positions.csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body == (releases / "2026.1" / "positions.csv").read_bytes()
    assert response["ETag"] == f'"{hashlib.sha256(body).hexdigest()}"'
    assert int(response["Content-Length"]) == len(body)
    assert "immutable" in response["Cache-Control"]
    again = api.get("/api/v1/releases/2026.1/positions.csv", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_the_manifest_is_downloadable_too(api, releases):
    response = api.get("/api/v1/releases/2026.1/manifest.json")
    assert json.loads(b"".join(response.streaming_content))["release"] == "2026.1"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/releases/2027.1/",
        "/api/v1/releases/2026.1/settings.py",
        "/api/v1/releases/2026.1/..%2Fmanifest.json",
        "/api/v1/releases/..%2F2026.1/manifest.json",
    ],
)
def test_unknown_releases_and_files_are_404s(api, releases, path):
    response = api.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_no_releases_directory_lists_none(api, settings, tmp_path, db):
    settings.STANDPOINT_RELEASES_DIR = tmp_path / "missing"
    assert api.get("/api/v1/releases/").json() == {"results": []}
