"""A release written before a field was added still restores: the field takes its default."""

import hashlib
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from positions.models import Position
from positions.models.choices import Status
from tests.factories import PositionFactory
from tests.test_dataset import empty_the_record

pytestmark = pytest.mark.django_db


def _drop_fields(release, filename: str, names: set[str]) -> None:
    """Rewrite ``filename`` without ``names``, as an older release wrote it."""
    path = release / filename
    rows = [
        {k: v for k, v in row.items() if k not in names} for row in json.loads(path.read_text())
    ]
    path.write_text(json.dumps(rows))
    manifest = json.loads((release / "manifest.json").read_text())
    manifest["files"][filename]["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    (release / "manifest.json").write_text(json.dumps(manifest))


def test_a_release_without_translation_and_long_standing_restores(tmp_path):
    PositionFactory(status=Status.PUBLISHED, quote="Statement kept.")
    release = tmp_path / "release"
    call_command("export_dataset", release, verbosity=0)
    empty_the_record()
    _drop_fields(release, "positions.json", {"quote_translation", "long_standing"})

    call_command("import_dataset", release, verbosity=0)
    restored = Position.objects.get()
    assert (restored.quote, restored.quote_translation, restored.long_standing) == (
        "Statement kept.",
        "",
        False,
    )


def test_a_release_missing_a_required_field_is_still_refused(tmp_path):
    PositionFactory(status=Status.PUBLISHED)
    release = tmp_path / "release"
    call_command("export_dataset", release, verbosity=0)
    empty_the_record()
    _drop_fields(release, "positions.json", {"quote"})
    with pytest.raises(CommandError, match="positions.json: a record has no 'quote'"):
        call_command("import_dataset", release, verbosity=0)
    assert not Position.objects.exists()
