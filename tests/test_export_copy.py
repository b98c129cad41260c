"""On PostgreSQL the CSV export is written by COPY: the same bytes as Python's writer."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.core.signals import request_finished
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext

from positions.api import export
from positions.models import Position
from positions.models.choices import DatePrecision, Shift, Stance, Status
from tests.factories import (
    PartyFactory,
    PersonFactory,
    PositionFactory,
    RoleFactory,
    SourceFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgresql(
        reason="COPY is PostgreSQL's; elsewhere the export is written by Python's csv writer"
    ),
]

URL = "/api/v1/positions/export.csv"
UTC = datetime.UTC

# Text a spreadsheet or a CSV reader could trip on, one value per position.
HOSTILE_TEXTS = [
    '=HYPERLINK("http://evil.example","click")',
    "+1 for peace",
    "-x marks the spot",
    "@SUM(A1)",
    "\tcmd",
    "\rcmd",
    "-2",
    "+3.5",
    "12",
    "-2\n",  # not a plain number: a line break follows
    "-\u0663",  # an Arabic-Indic digit is not a plain number either
    "-",
    "'already quoted",
    'He said "no", twice',
    "a, b, c",
    "line one\nline two",
    "carriage\rreturn",
    "windows\r\nline",
    "\u202eevil\u202c \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
    "e\u0301\u0336 \U0001f54a",
    "\\.",
    "  padded  ",
    '"',
]

# The quote cell each of HOSTILE_TEXTS must give, written out: triggers get a leading '.
QUOTE_CELLS = [
    '\'=HYPERLINK("http://evil.example","click")',
    "'+1 for peace",
    "'-x marks the spot",
    "'@SUM(A1)",
    "'\tcmd",
    "'\rcmd",
    "-2",
    "+3.5",
    "12",
    "'-2\n",
    "'-\u0663",
    "'-",
    "'already quoted",
    'He said "no", twice',
    "a, b, c",
    "line one\nline two",
    "carriage\rreturn",
    "windows\r\nline",
    "\u202eevil\u202c \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
    "e\u0301\u0336 \U0001f54a",
    "\\.",
    "  padded  ",
    '"',
]


@pytest.fixture
def hostile_record():
    """Positions whose every written column meets something awkward."""
    party = PartyFactory(slug="-party", short_name="=Party", name='=Party (full), "Ltd"')
    topic = TopicFactory(slug="nato", name="+Topic\nname", proposition="@proposition")
    person = PersonFactory(slug="speaker", name="\u202eRTL speaker")
    role = RoleFactory(person=person, party=party, title="\tChief, negotiator")
    with_micro = SourceFactory(
        title="-Report",
        outlet="",
        url="",
        published_at=datetime.datetime(2025, 3, 17, 2, 35, 0, 123, tzinfo=UTC),
    )
    undated = SourceFactory(title="Undated", outlet="=wire", published_at=None)
    positions = []
    for i, text in enumerate(HOSTILE_TEXTS):
        positions.append(
            PositionFactory(
                party=party if i % 2 else PartyFactory(),
                topic=topic if i % 3 else TopicFactory(),
                speaker=person if i % 2 else None,
                role=role if i % 2 else None,
                source=with_micro if i % 2 else undated,
                stated_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=i),
                stance=list(Stance)[i % 5],
                stated_on_precision=list(DatePrecision)[i % 4],
                long_standing=i % 3 == 0,
                quote=text,
                quote_translation=HOSTILE_TEXTS[(i + 3) % len(HOSTILE_TEXTS)],
                summary=HOSTILE_TEXTS[-1 - i],
                conditions="" if i % 4 == 0 else text,
                status=Status.RETRACTED if i % 5 == 0 else Status.PUBLISHED,
                retraction_reason=text if i % 5 == 0 else "",
                previous=positions[-1] if positions else None,
                shift=Shift.REVERSAL if i % 2 else "",
            )
        )
    PositionFactory(party=party, status=Status.DRAFT, quote="Draft words.")
    # Saving sets updated_at to now; give some whole seconds and some microseconds.
    for i, position in enumerate(positions):
        moment = datetime.datetime(2025, 3, 17, 2, 35, i, 1000 * i, tzinfo=UTC)
        Position.objects.filter(pk=position.pk).update(updated_at=moment)
    return positions


def export_body(api, params=None) -> bytes:
    response = api.get(URL, params or {})
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def copied_and_written(api, monkeypatch, params=None) -> tuple[bytes, bytes]:
    """The export as COPY writes it, then as Python's writer writes it."""
    with CaptureQueriesContext(connection) as queries:
        copied = export_body(api, params)
    assert any(q["sql"].startswith("COPY (") for q in queries.captured_queries)
    content_type, _ = export.FORMATS["csv"]
    with monkeypatch.context() as python_only:
        python_only.setitem(export.FORMATS, "csv", (content_type, export.python_csv_rows))
        written = export_body(api, params)
    return copied, written


def test_copy_writes_the_same_bytes_as_python_on_hostile_text(api, hostile_record, monkeypatch):
    copied, written = copied_and_written(api, monkeypatch)
    assert copied == written
    records = list(csv.DictReader(io.StringIO(copied.decode())))
    assert [r["quote"] for r in records] == QUOTE_CELLS
    # Each translation is the text three places on: the same cells, turned.
    assert [r["quote_translation"] for r in records] == QUOTE_CELLS[3:] + QUOTE_CELLS[:3]


def test_copy_cells_read_back_as_the_api_describes_them(api, hostile_record):
    records = list(csv.DictReader(io.StringIO(export_body(api).decode())))
    first, second = records[0], records[1]
    assert first["quote"].startswith("'=HYPERLINK")
    assert first["status"] == "retracted" and first["retraction_reason"].startswith("'=")
    assert first["conditions"] == "" and first["speaker"] == "" and first["previous"] == ""
    assert first["source_published_at"] == "" and first["source_outlet"] == "'=wire"
    assert first["updated_at"] == "2025-03-17T02:35:00Z"
    assert second["updated_at"] == "2025-03-17T02:35:01Z"
    assert second["source_published_at"] == "2025-03-17T02:35:00Z"
    assert second["party"] == "'-party" and second["party_name"] == '\'=Party (full), "Ltd"'
    assert second["role"] == "'\tChief, negotiator"
    assert second["stance"] == "opposes" and second["stance_score"] == "-1"
    assert second["previous"] == first["id"]
    assert (first["long_standing"], second["long_standing"]) == ("true", "false")
    assert [r["long_standing"] for r in records[:4]] == ["true", "false", "false", "true"]
    assert [r["stated_on_precision"] for r in records[:4]] == [
        "day",
        "month",
        "year",
        "approximate",
    ]
    assert (first["quote_translation"], second["quote_translation"]) == ("'@SUM(A1)", "'\tcmd")
    assert second["html_url"] == f"http://testserver/positions/{second['id']}/"
    assert "Draft words." not in {r["quote"] for r in records}


@pytest.mark.parametrize(
    "params",
    [
        {"party": "-party"},
        {"topic": "nato", "stance_score_max": "0"},
        {"status": "retracted"},
        {"stated_after": "2025-01-05", "stated_before": "2025-01-15"},
        {"q": "peace"},
        {"ordering": "-stated_on"},
        {"ordering": "-updated_at"},
    ],
)
def test_filtered_copy_has_the_list_rows_and_python_bytes(api, hostile_record, monkeypatch, params):
    copied, written = copied_and_written(api, monkeypatch, params)
    assert copied == written
    ids = [int(r["id"]) for r in csv.DictReader(io.StringIO(copied.decode()))]
    assert ids, params
    listed, url, query = [], "/api/v1/positions/", {**params, "page_size": 100}
    while url:
        data = api.get(url, query).json()
        listed += [p["id"] for p in data["results"]]
        url, query = data["next"], None
    assert ids == listed


def test_staff_export_includes_drafts_on_both_paths(api, hostile_record, monkeypatch):
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="view_position"))
    api.force_authenticate(editor)
    copied, written = copied_and_written(api, monkeypatch)
    assert copied == written
    assert b"Draft words." in copied


def test_copy_runs_the_same_queries_for_few_rows_and_many(api, hostile_record):
    def queries() -> list[str]:
        with CaptureQueriesContext(connection) as captured:
            export_body(api)
        return [q["sql"].split()[0] for q in captured.captured_queries]

    few = queries()
    for _ in range(60):
        PositionFactory(status=Status.PUBLISHED)
    assert queries() == few
    assert few.count("COPY") == 1


def test_an_export_abandoned_half_way_leaves_the_connection_usable(api, rf, monkeypatch):
    from positions.api.views import PositionCsvExportView
    from positions.postgres import export as copy_csv

    monkeypatch.setattr(copy_csv, "CHUNK_BYTES", 100)
    for _ in range(300):
        PositionFactory(status=Status.PUBLISHED, quote="x" * 500)
    # Straight from the view: the test client's own closing would end the test's transaction.
    response = PositionCsvExportView.as_view()(rf.get(URL))
    assert next(response.streaming_content).startswith(b"id,stated_on,")
    request_finished.disconnect(close_old_connections)
    try:
        response.close()  # as a server does when the client goes away
    finally:
        request_finished.connect(close_old_connections)
    assert Position.objects.count() == 300
    assert len(export_body(api).splitlines()) == 301


@pytest.mark.parametrize("term", ["--", "%_"])
def test_an_export_that_cannot_match_is_its_header_alone_on_both_paths(
    api, hostile_record, monkeypatch, term
):
    # No word, name or condition holds the term: the query cannot match at all.
    copied = export_body(api, {"q": term})
    content_type, _ = export.FORMATS["csv"]
    with monkeypatch.context() as python_only:
        python_only.setitem(export.FORMATS, "csv", (content_type, export.python_csv_rows))
        written = export_body(api, {"q": term})
    assert copied == written
    assert copied.decode().count("\n") == 1
