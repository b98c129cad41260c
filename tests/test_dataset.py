"""Dataset releases: complete for the public record, verifiable, and restorable byte for byte."""

import datetime
import hashlib
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from positions.editorial import records, services
from positions.editorial.dataset import TABLES
from positions.models import Event, Party, Person, Position, Role, Source, Topic
from positions.models.choices import Stance, Status
from tests.factories import (
    EventFactory,
    PartyFactory,
    PositionFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

DRAFT_QUOTE = "This draft must never leave the newsroom."


@pytest.fixture
def record(seeded, reviewer):
    """The seeds plus what the seeds lack: nesting, reports, events, retractions, drafts."""
    party, parent = PartyFactory(name="Hostile =SUM(A1)"), TopicFactory()
    child = TopicFactory(parent=parent, name="سلام e\u0301 <script>alert(1)</script>")
    original = SourceFactory(title="Original interview")
    report = SourceFactory(title="Report on it", original=original)
    first = PositionFactory(
        party=party, topic=child, source=report, status=Status.IN_REVIEW, stated_on="2025-01-02"
    )
    services.position_publish(position=first, user=reviewer)
    second = PositionFactory(
        party=party,
        topic=child,
        source=report,
        status=Status.IN_REVIEW,
        stance=Stance.REJECTS,
        summary="-1 step back",
    )
    services.position_publish(position=second, user=reviewer)
    retracted = PositionFactory(party=party, topic=parent, source=original, status=Status.PUBLISHED)
    services.position_retract(position=retracted, user=reviewer, reason="Misattributed.")
    services.position_correct(
        position=Position.objects.get(pk=first.pk),
        user=reviewer,
        changes={"summary": "Steps back."},
        note="Summary reworded.",
        expected_version=None,
    )
    PositionFactory(party=party, topic=parent, quote=DRAFT_QUOTE, review_comment="internal")
    event = EventFactory()
    event.parties.add(party, Party.objects.get(slug="russia"))
    event.topics.add(child)
    event.sources.add(report)


def public_content():
    """Every exported value, read back from the database."""
    content = {}
    for table in TABLES:
        names = [field.name for field in table.fields()]
        content[table.name] = list(table.rows().values(*names))
    # The public revision history, as positions/{id}/history/ shows it.
    content["position history"] = list(
        Position.history.filter(status__in=["published", "retracted"])
        .order_by("history_id")
        .values(
            "history_id", "history_date", "history_change_reason", "history_type", "id",
            "version", "status", "summary", "stance", "retraction_reason",
        )
    )  # fmt: skip
    content["event links"] = [
        (
            event.pk,
            sorted(p.pk for p in event.parties.all()),
            sorted(t.pk for t in event.topics.all()),
        )
        for event in Event.objects.order_by("pk")
    ]
    return content


def empty_the_record():
    """What a fresh database holds of the record: nothing."""
    Event.objects.all().delete()
    Position.history.all().delete()
    Position.objects.update(previous=None)
    Position.objects.all().delete()
    Role.objects.all().delete()
    Source.objects.update(original=None)
    Source.objects.all().delete()
    Topic.objects.update(parent=None)
    Topic.objects.all().delete()
    Person.objects.all().delete()
    Party.objects.all().delete()
    Position.history.all().delete()  # deleting rows records their deletion
    # A new database also counts ids from 1 again.
    tables = [table.model._meta.db_table for table in TABLES]
    with connection.cursor() as cursor:
        for name in tables:
            if connection.vendor == "postgresql":
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), 1, false)")
            else:
                cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [name])


def checksums(directory):
    manifest = json.loads((directory / "manifest.json").read_text())
    return {name: entry["sha256"] for name, entry in manifest["files"].items()}


def test_a_release_round_trips_into_an_empty_database_with_identical_content(record, tmp_path):
    call_command("export_dataset", tmp_path / "first", verbosity=0)
    before = public_content()
    assert len(before["positions"]) == Position.objects.public().count() == 12

    empty_the_record()
    assert Position.objects.count() == 0
    call_command("import_dataset", tmp_path / "first", verbosity=0)

    assert public_content() == before
    call_command("export_dataset", tmp_path / "second", verbosity=0)
    assert checksums(tmp_path / "second") == checksums(tmp_path / "first")
    for name in checksums(tmp_path / "first"):
        assert (tmp_path / "second" / name).read_bytes() == (tmp_path / "first" / name).read_bytes()
    # The restored database takes new rows after the restored ids.
    assert Party.objects.create(name="New", short_name="New", slug="new").pk > max(
        row["id"] for row in before["parties"]
    )


def test_the_manifest_counts_checksums_dates_and_cites_the_release(record, tmp_path):
    call_command(
        "export_dataset",
        tmp_path / "release",
        "--release=2026.1",
        "--release-date=2026-11-28",
        "--url=https://standpoint.example.org/data/2026.1/",
        verbosity=0,
    )
    manifest = json.loads((tmp_path / "release" / "manifest.json").read_text())
    assert manifest["format_version"] == "1.2"
    assert manifest["release_date"] == "2026-11-28"
    assert manifest["counts"]["positions"] == 12
    assert manifest["counts"]["topics"] == Topic.objects.count()
    assert manifest["suggested_citation"] == (
        "Standpoint contributors (2026). Standpoint: positions in peace negotiations, dataset "
        "release 2026.1 (2026-11-28), format 1.2. https://standpoint.example.org/data/2026.1/"
    )
    for name, entry in manifest["files"].items():
        data = (tmp_path / "release" / name).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["bytes"] == len(data)
    assert set(manifest["files"]) == {t.filename for t in TABLES} | {
        "positions.csv",
        "position_history.json",
    }
    # Each published position's "Published" revision; the retracted one's two, and the
    # corrected one's correction.
    assert manifest["counts"]["position_history"] == 9 + 2 + 2 + 1


def test_drafts_accounts_and_review_comments_stay_out_of_the_release(record, tmp_path):
    call_command("export_dataset", tmp_path / "release", verbosity=0)
    everything = "".join(path.read_text() for path in (tmp_path / "release").iterdir())
    assert DRAFT_QUOTE not in everything
    assert "internal" not in everything
    assert "reviewer" not in everything
    positions = json.loads((tmp_path / "release" / "positions.json").read_text())
    assert {p["status"] for p in positions} == {Status.PUBLISHED, Status.RETRACTED}
    assert "created_by" not in positions[0] and "review_comment" not in positions[0]


def test_orphaned_quotes_are_worked_out_again_on_import_not_released(record, tmp_path, reviewer):
    article = Position.objects.published().exclude(source__text="").first().source
    # A correction that drops the quoted passages leaves their quotes orphaned.
    article.text = "A corrected text."
    records.record_save(record=article, user=reviewer, note="The outlet replaced the text.")
    orphaned = set(Position.objects.filter(quote_orphaned=True).values_list("pk", flat=True))
    assert orphaned
    call_command("export_dataset", tmp_path / "release", verbosity=0)
    positions = json.loads((tmp_path / "release" / "positions.json").read_text())
    assert "quote_orphaned" not in positions[0]

    empty_the_record()
    call_command("import_dataset", tmp_path / "release", verbosity=0)
    public = set(Position.objects.public().values_list("pk", flat=True))
    assert set(Position.objects.filter(quote_orphaned=True).values_list("pk", flat=True)) == (
        orphaned & public
    )


def test_the_csv_has_one_row_per_public_position_and_defuses_formulas(record, tmp_path):
    import csv

    call_command("export_dataset", tmp_path / "release", verbosity=0)
    with open(tmp_path / "release" / "positions.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 12
    hostile = [row for row in rows if row["party"].endswith("=SUM(A1)")]
    assert hostile and all(row["party"] == "Hostile =SUM(A1)" for row in hostile)
    assert any(row["summary"] == "'-1 step back" for row in rows)
    assert {row["stance"] for row in rows} >= {"-2", "2"}


def test_the_csv_gives_each_positions_translation_and_whether_it_is_long_standing(record, tmp_path):
    import csv

    original = PositionFactory(
        status=Status.PUBLISHED,
        quote="Нейтральный статус Украины обязателен",
        quote_translation="Ukraine's neutral status is a must",
        long_standing=True,
    )
    call_command("export_dataset", tmp_path / "release", verbosity=0)
    with open(tmp_path / "release" / "positions.csv", newline="") as f:
        rows = {int(row["id"]): row for row in csv.DictReader(f)}
    assert rows[original.pk]["quote_translation"] == "Ukraine's neutral status is a must"
    assert rows[original.pk]["long_standing"] == "true"
    assert {row["long_standing"] for pk, row in rows.items() if pk != original.pk} == {"false"}


def test_import_refuses_a_database_that_is_not_empty(record, tmp_path):
    call_command("export_dataset", tmp_path / "release", verbosity=0)
    count = Position.objects.count()
    with pytest.raises(CommandError, match="already holds .* only into an empty database"):
        call_command("import_dataset", tmp_path / "release", verbosity=0)
    assert Position.objects.count() == count


def test_import_refuses_a_damaged_file_and_writes_nothing(record, tmp_path):
    call_command("export_dataset", tmp_path / "release", verbosity=0)
    empty_the_record()
    parties = tmp_path / "release" / "parties.json"
    parties.write_text(parties.read_text().replace("Russia", "Rusia", 1))
    with pytest.raises(CommandError, match="parties.json does not match its checksum"):
        call_command("import_dataset", tmp_path / "release", verbosity=0)
    assert Party.objects.count() == 0


def test_import_refuses_a_directory_that_is_not_a_release(db, tmp_path):
    with pytest.raises(CommandError, match="manifest.json not found"):
        call_command("import_dataset", tmp_path, verbosity=0)


def test_export_refuses_to_mix_into_an_existing_release(record, tmp_path):
    (tmp_path / "old.json").write_text("{}")
    with pytest.raises(CommandError, match="not empty"):
        call_command("export_dataset", tmp_path, verbosity=0)


def test_release_date_defaults_to_today(db, tmp_path):
    call_command("export_dataset", tmp_path / "r", verbosity=0)
    manifest = json.loads((tmp_path / "r" / "manifest.json").read_text())
    assert manifest["release_date"] == datetime.date.today().isoformat()
    assert manifest["counts"]["positions"] == 0


def test_import_refuses_a_release_with_a_script_address_and_writes_nothing(record, tmp_path):
    release = tmp_path / "release"
    call_command("export_dataset", release, verbosity=0)
    empty_the_record()
    sources = release / "sources.json"
    records = json.loads(sources.read_text())
    records[0]["url"] = "javascript:alert(1)"
    sources.write_text(json.dumps(records))
    manifest = json.loads((release / "manifest.json").read_text())
    manifest["files"]["sources.json"]["sha256"] = hashlib.sha256(sources.read_bytes()).hexdigest()
    (release / "manifest.json").write_text(json.dumps(manifest))

    with pytest.raises(CommandError, match="sources.json, id .*: url: Enter a valid URL"):
        call_command("import_dataset", release, verbosity=0)
    assert Party.objects.count() == 0


def test_a_restored_release_shows_the_same_public_history(record, api, tmp_path):
    corrected = Position.objects.get(summary="Steps back.")
    url = f"/api/v1/positions/{corrected.pk}/history/"
    before = api.get(url).json()
    assert [r["note"] for r in before] == ["Published", "Corrected: Summary reworded."]
    call_command("export_dataset", tmp_path / "release", verbosity=0)
    empty_the_record()
    call_command("import_dataset", tmp_path / "release", verbosity=0)
    assert api.get(url).json() == before


def test_editors_stay_out_of_the_released_history(record, tmp_path, reviewer):
    call_command("export_dataset", tmp_path / "release", verbosity=0)
    revisions = json.loads((tmp_path / "release" / "position_history.json").read_text())
    assert revisions and all("history_user" not in r for r in revisions)
    assert {r["status"] for r in revisions} == {"published", "retracted"}
