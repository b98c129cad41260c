"""Bulk export: same rows as the list, streamed, safe to open in a spreadsheet."""

import csv
import io
import json

import pytest

from positions.api.export import COLUMN_NAMES, neutralise
from positions.models.choices import Stance, Status
from tests.factories import PartyFactory, PositionFactory, TopicFactory

pytestmark = pytest.mark.django_db


def body(response) -> str:
    assert response.status_code == 200
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def csv_records(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body(response))))


def listed_ids(api, params) -> list[int]:
    seen, url, query = [], "/api/v1/positions/", {**params, "page_size": 2}
    while url:
        data = api.get(url, query).json()
        seen += [p["id"] for p in data["results"]]
        url, query = data["next"], None
    return seen


@pytest.fixture
def record():
    russia, ukraine = PartyFactory(slug="russia"), PartyFactory(slug="ukraine")
    nato = TopicFactory(slug="nato")
    for i in range(5):
        PositionFactory(
            party=russia if i % 2 else ukraine,
            topic=nato if i < 3 else TopicFactory(),
            stated_on=f"2025-0{i + 1}-01",
            stance=Stance.REJECTS if i % 2 else Stance.SUPPORTS,
            status=Status.PUBLISHED,
        )
    PositionFactory(party=russia, topic=nato, status=Status.DRAFT, quote="Draft words.")


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"party": "russia"},
        {"topic": "nato", "stance_score_max": "0"},
        {"ordering": "-stated_on"},
    ],
)
def test_csv_export_has_the_same_rows_as_the_list(api, record, params):
    records = csv_records(api.get("/api/v1/positions/export.csv", params))
    assert [int(r["id"]) for r in records] == listed_ids(api, params)


def test_jsonl_export_has_the_same_rows_as_the_list(api, record):
    response = api.get("/api/v1/positions/export.jsonl", {"party": "russia"})
    assert response["Content-Type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in body(response).splitlines()]
    assert [line["id"] for line in lines] == listed_ids(api, {"party": "russia"})
    assert set(lines[0]) == set(COLUMN_NAMES)
    assert lines[0]["stance_score"] == -2


def test_export_never_contains_drafts(api, record):
    assert "Draft words." not in body(api.get("/api/v1/positions/export.csv"))
    assert "Draft words." not in body(api.get("/api/v1/positions/export.jsonl"))


def test_csv_has_the_documented_columns_and_a_download_name(api, record):
    response = api.get("/api/v1/positions/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="standpoint-positions.csv"' in response["Content-Disposition"]
    assert next(csv.reader(io.StringIO(body(response)))) == COLUMN_NAMES


def test_formula_cells_are_neutralised_but_numbers_kept(api):
    PositionFactory(
        status=Status.PUBLISHED,
        quote='=HYPERLINK("http://evil.example","click")',
        summary="+1 for peace",
        conditions="@SUM(A1)",
        stance=Stance.REJECTS,
    )
    [record] = csv_records(api.get("/api/v1/positions/export.csv"))
    assert record["quote"] == '\'=HYPERLINK("http://evil.example","click")'
    assert record["summary"] == "'+1 for peace"
    assert record["conditions"] == "'@SUM(A1)"
    assert record["stance_score"] == "-2"
    # JSON Lines carries the text verbatim: it is not read by spreadsheets.
    [line] = body(api.get("/api/v1/positions/export.jsonl")).splitlines()
    assert json.loads(line)["quote"].startswith("=HYPERLINK")


# Each value a position's quote, summary and conditions hold, and the cell the CSV must give
# for it (a leading ' before =, +, -, @, tab and carriage return; plain numbers kept).
DEFUSED_CELLS = [
    ("\rcmd|' /C calc", "'\rcmd|' /C calc"),
    ("\r", "'\r"),
    ('=HYPERLINK("http://evil.example")', '\'=HYPERLINK("http://evil.example")'),
    ("+1 for peace", "'+1 for peace"),
    ("-x marks the spot", "'-x marks the spot"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("-", "'-"),
    ("-2", "-2"),
    ("+3.5", "+3.5"),
    ("12", "12"),
    ("a = b", "a = b"),
    ("\ncmd", "\ncmd"),
    (" =cmd", " =cmd"),
]


def test_csv_cells_that_spreadsheets_would_run_get_a_leading_apostrophe(api):
    for i, (text, _) in enumerate(DEFUSED_CELLS):
        PositionFactory(
            status=Status.PUBLISHED,
            stated_on=f"2025-01-{i + 1:02d}",
            quote=text,
            summary=text,
            conditions=text,
        )
    records = csv_records(api.get("/api/v1/positions/export.csv", {"ordering": "stated_on"}))
    expected = [cell for _, cell in DEFUSED_CELLS]
    assert [r["quote"] for r in records] == expected
    assert [r["summary"] for r in records] == expected
    assert [r["conditions"] for r in records] == expected


def test_a_cell_starting_with_a_carriage_return_is_written_quoted_after_the_apostrophe(api):
    PositionFactory(status=Status.PUBLISHED, quote="\rcmd", summary="s", conditions="")
    header, row, end = body(api.get("/api/v1/positions/export.csv")).split("\n")
    assert (header.split(",")[17:21], end) == (
        ["quote", "quote_translation", "summary", "conditions"],
        "",
    )
    # The cell holds a line break of its own, so it is quoted: "'<CR>cmd".
    assert ',"\'\rcmd",,s,,' in row


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("-2", "-2"),
        ("+3.5", "+3.5"),
        ("-x", "'-x"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("=1", "'=1"),
        ("@x", "'@x"),
        ("-2\n=cmd", "'-2\n=cmd"),
        ("-2\n", "'-2\n"),  # a number and a line break is not a number
        ("-\u0663", "'-\u0663"),  # nor are digits other than 0-9
        ("plain", "plain"),
        (None, ""),
        (True, "true"),
        (False, "false"),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_csv_rows_end_in_line_feeds_and_line_breaks_in_cells_survive(api):
    texts = ["carriage\rreturn", "line\nfeed", "windows\r\nline"]
    for text in texts:
        PositionFactory(status=Status.PUBLISHED, quote=text)
    text = body(api.get("/api/v1/positions/export.csv"))
    assert text.count("\n") == 1 + len(texts) + 2  # header, rows, breaks inside two quotes
    assert "\r\n" not in text.replace("windows\r\nline", "")
    assert sorted(r["quote"] for r in csv.DictReader(io.StringIO(text))) == sorted(texts)


def test_export_rejects_bad_filters_as_json(api, record):
    response = api.get("/api/v1/positions/export.csv", {"stated_after": "someday"})
    assert response.status_code == 400
    assert "stated_after" in response.json()["errors"]
    assert api.get("/api/v1/positions/export.jsonl", {"cursor": "x"}).status_code == 400


def test_export_reads_rows_in_chunks_with_constant_queries(
    api, django_assert_max_num_queries, monkeypatch
):
    from positions.api import export

    monkeypatch.setattr(export, "CHUNK_SIZE", 10)
    for _ in range(45):
        PositionFactory(status=Status.PUBLISHED)
    with django_assert_max_num_queries(6):
        records = csv_records(api.get("/api/v1/positions/export.csv"))
    assert len(records) == 45


def test_each_row_links_its_public_page(api):
    position = PositionFactory(status=Status.PUBLISHED)
    page = f"http://testserver/positions/{position.pk}/"
    [record] = csv_records(api.get("/api/v1/positions/export.csv"))
    assert record["html_url"] == page
    [line] = body(api.get("/api/v1/positions/export.jsonl")).splitlines()
    assert json.loads(line)["html_url"] == page


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_exports_are_streamed_a_few_rows_at_a_time(api, monkeypatch, fmt):
    from positions.api import export

    monkeypatch.setattr(export, "ROWS_PER_CHUNK", 2)
    # Python's writers are chunked by rows; COPY, on PostgreSQL, by bytes (test_export_copy).
    content_type, _ = export.FORMATS["csv"]
    monkeypatch.setitem(export.FORMATS, "csv", (content_type, export.python_csv_rows))
    for day in range(1, 6):
        PositionFactory(status=Status.PUBLISHED, stated_on=f"2025-01-{day:02d}")
    response = api.get(f"/api/v1/positions/export.{fmt}", {"ordering": "stated_on"})
    chunks = [chunk.decode() for chunk in response.streaming_content]
    rows_per_chunk = [chunk.count("\n") for chunk in chunks]
    if fmt == "csv":  # the header comes with the first rows; the last chunk may be empty
        assert rows_per_chunk in ([3, 2, 1], [3, 2, 1, 0])
    else:
        assert rows_per_chunk == [2, 2, 1]
        lines = "".join(chunks).split("\n")
        assert lines[-1] == ""
        assert [json.loads(line)["stated_on"][-2:] for line in lines[:-1]] == [
            "01",
            "02",
            "03",
            "04",
            "05",
        ]


def test_csv_header_names_every_column_in_order(api):
    PositionFactory(status=Status.PUBLISHED)
    header = body(api.get("/api/v1/positions/export.csv")).split("\n")[0]
    assert header.split(",") == [
        "id",
        "stated_on",
        "stated_on_precision",
        "long_standing",
        "party",
        "party_name",
        "topic",
        "topic_name",
        "proposition",
        "stance",
        "stance_score",
        "shift",
        "previous",
        "move",
        "speaker",
        "speaker_name",
        "role",
        "quote",
        "quote_translation",
        "summary",
        "conditions",
        "source_id",
        "source_title",
        "source_outlet",
        "source_url",
        "source_published_at",
        "status",
        "retraction_reason",
        "version",
        "updated_at",
        "html_url",
    ]


def test_exports_carry_the_translation_and_whether_the_stance_is_long_standing(api):
    PositionFactory(
        status=Status.PUBLISHED,
        stated_on="2025-01-01",
        stated_on_precision="approximate",
        long_standing=True,
        quote="НАТО и миротворчество несовместимы",
        quote_translation="-NATO and peacekeeping are incompatible.",
    )
    PositionFactory(status=Status.PUBLISHED, stated_on="2025-02-01", quote="We will not.")
    first, second = csv_records(api.get("/api/v1/positions/export.csv"))
    assert (first["stated_on_precision"], first["long_standing"]) == ("approximate", "true")
    assert first["quote"] == "НАТО и миротворчество несовместимы"
    assert first["quote_translation"] == "'-NATO and peacekeeping are incompatible."
    assert (second["long_standing"], second["quote_translation"]) == ("false", "")

    lines = [
        json.loads(line) for line in body(api.get("/api/v1/positions/export.jsonl")).splitlines()
    ]
    assert [(line["long_standing"], line["quote_translation"]) for line in lines] == [
        (True, "-NATO and peacekeeping are incompatible."),
        (False, ""),
    ]


def test_precision_column_is_documented_with_every_precision(api):
    description = api.get("/api/v1/schema/", {"format": "json"}).json()["paths"][
        "/api/v1/positions/export.csv"
    ]["get"]["description"]
    assert "`stated_on_precision`: How precise `stated_on` is: day, month, year or approximate" in (
        description
    )
