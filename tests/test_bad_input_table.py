"""Every kind of bad input, hand-picked, against forms, the API and pages: each gets a clear
refusal and nothing is written (positions, sources, parties and history counted before and
after). The table is the record of what was tried and what came back."""

import json

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from positions.models import QUOTE_MAX_LENGTH, Party, Position, Source
from positions.models.choices import Status
from tests.desk import position_form_data
from tests.factories import PartyFactory, PositionFactory, SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db

MEGABYTE = "x" * 1_000_000
RTL_QUOTE = "\u202eلن نقبل أبدا\u202c"  # right-to-left override around Arabic
COMBINING_QUOTE = "Z\u0335\u0321a\u0336\u0322l\u0337g\u0338o\u0301\u0302\u0303"


class Bench:
    """The clients and records every row of the table uses."""

    def __init__(self, editor, superuser):
        self.party = PartyFactory(slug="russia")
        self.topic = TopicFactory(slug="nato")
        self.source = SourceFactory(text="")
        self.draft = PositionFactory(
            status=Status.DRAFT, party=self.party, topic=self.topic, source=self.source
        )
        # A party readers may see: one a published position cites.
        PositionFactory(status=Status.PUBLISHED, party=PartyFactory(slug="ukraine"))
        self.api = APIClient()
        self.api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
        self.anonymous = APIClient()
        superuser.save()
        self.desk = APIClient()
        self.desk.force_login(superuser)

    def body(self, **overrides) -> dict:
        return {
            "party": "russia",
            "topic": "nato",
            "source": self.source.pk,
            "stated_on": "2025-03-16",
            "stance": "rejects",
            "summary": "Rejects it.",
            "quote": "We will never accept it.",
            **overrides,
        }

    def create(self, **overrides):
        return self.api.post("/api/v1/positions/", self.body(**overrides), format="json")

    def create_raw(self, raw: bytes, content_type="application/json"):
        return self.api.generic("POST", "/api/v1/positions/", raw, content_type=content_type)

    def patch(self, **changes):
        url = f"/api/v1/positions/{self.draft.pk}/"
        return self.api.patch(url, {"version": self.draft.version, **changes}, format="json")

    def admin_add(self, **overrides):
        new = Position(party=self.party, topic=self.topic, source=self.source)
        data = position_form_data(new, stated_on="2025-03-16", stance="-2", move="demand")
        data.update(summary="Rejects it.", quote="We will never accept it.")
        data.update(overrides)
        return self.desk.post("/admin/positions/position/add/", data)

    def admin_source(self, **overrides):
        data = {"title": "Report", "kind": "news_report", "language": "en"}
        data.update(positions_TOTAL_FORMS="0", positions_INITIAL_FORMS="0")
        data = {k.replace("positions_", "positions-"): v for k, v in data.items()}
        return self.desk.post("/admin/positions/source/add/", {**data, **overrides})


def footprint():
    return (
        Position.objects.count(),
        Position.history.count(),
        Source.objects.count(),
        Party.objects.count(),
        list(Position.objects.order_by("pk").values_list("pk", "version", "summary", "quote")),
    )


# (case, request, expected status, words the answer must contain)
TABLE = [
    # NUL bytes
    ("nul in API JSON summary", lambda b: b.create(summary="a\x00b"), 400, "NUL"),
    ("nul in API JSON key", lambda b: b.create(**{"sum\x00mary": "x"}), 400, "NUL"),
    ("nul in API PATCH", lambda b: b.patch(quote="never\x00"), 400, "NUL"),
    (
        "nul as JSON escape in raw body",
        lambda b: b.create_raw(b'{"summary": "a\\u0000b"}'),
        400,
        "NUL",
    ),
    ("nul in admin position form", lambda b: b.admin_add(summary="a\x00b"), 400, "NUL"),
    ("nul in admin source form", lambda b: b.admin_source(title="Re\x00port"), 400, "NUL"),
    ("nul in API query string", lambda b: b.api.get("/api/v1/positions/?q=%00"), 400, "NUL"),
    ("nul in page query string", lambda b: b.anonymous.get("/search/?q=a%00"), 400, "NUL"),
    # Lone surrogates (valid JSON escapes, not valid text)
    (
        "lone surrogate in API JSON",
        lambda b: b.create_raw(b'{"summary": "a\\ud800b"}'),
        400,
        "Surrogate characters are not allowed",
    ),
    # Huge strings
    ("1 MB summary via API", lambda b: b.create(summary=MEGABYTE), 400, "500 characters"),
    ("1 MB quote via API", lambda b: b.create(quote=MEGABYTE), 400, "10000 characters"),
    ("1 MB summary via admin form", lambda b: b.admin_add(summary=MEGABYTE), 200, "at most 500"),
    (
        "1 MB API query parameter",
        lambda b: b.api.get("/api/v1/positions/", {"q": MEGABYTE}),
        400,
        "q",
    ),
    ("1 MB page search", lambda b: b.anonymous.get("/search/", {"q": MEGABYTE}), 200, ""),
    (
        "11 MB form body over the 10 MB upload limit",
        lambda b: b.desk.post(
            "/admin/positions/source/add/",
            "title=" + "x" * 11 * 1024 * 1024,
            content_type="application/x-www-form-urlencoded",
        ),
        400,
        "",
    ),
    # Invalid UTF-8
    ("invalid UTF-8 in API query", lambda b: b.api.get("/api/v1/positions/?q=%ff"), 400, "UTF-8"),
    (
        "overlong UTF-8 in page query",
        lambda b: b.anonymous.get("/compare/?parties=%c0%af"),
        400,
        "UTF-8",
    ),
    (
        "invalid UTF-8 in form body",
        lambda b: b.desk.post(
            "/admin/positions/source/add/",
            "title=%e9t%e9",
            content_type="application/x-www-form-urlencoded",
        ),
        400,
        "UTF-8",
    ),
    (
        "invalid UTF-8 in JSON body",
        lambda b: b.create_raw(b'{"summary": "\xff\xfe"}'),
        400,
        "",
    ),
    # Dates
    ("2025-02-30 as stated_on", lambda b: b.create(stated_on="2025-02-30"), 400, "stated_on"),
    ("0000-01-01 as stated_on", lambda b: b.create(stated_on="0000-01-01"), 400, "stated_on"),
    (
        "2025-02-30 in API filter",
        lambda b: b.api.get("/api/v1/positions/?stated_after=2025-02-30"),
        400,
        "stated_after",
    ),
    (
        "0000-01-01 in API filter",
        lambda b: b.api.get("/api/v1/positions/?stated_before=0000-01-01"),
        400,
        "stated_before",
    ),
    (
        "2025-02-30 on compare page",
        lambda b: b.anonymous.get("/compare/?as_of=2025-02-30"),
        400,
        "date",
    ),
    (
        "0000-01-01 on compare page",
        lambda b: b.anonymous.get("/compare/?from=0000-01-01&to=2025-01-01"),
        400,
        "date",
    ),
    ("2025-02-30 in admin form", lambda b: b.admin_add(stated_on="2025-02-30"), 200, "valid date"),
    (
        "bad updated_since",
        lambda b: b.api.get("/api/v1/parties/?updated_since=2025-02-30T00:00:00Z"),
        400,
        "updated_since",
    ),
    # Page sizes and pages
    (
        "negative page_size",
        lambda b: b.api.get("/api/v1/positions/?page_size=-1"),
        400,
        "page_size",
    ),
    ("zero page_size", lambda b: b.api.get("/api/v1/parties/?page_size=0"), 400, "page_size"),
    (
        "huge page_size",
        lambda b: b.api.get("/api/v1/positions/?page_size=99999999999999999999"),
        400,
        "page_size",
    ),
    ("page_size 1001", lambda b: b.api.get("/api/v1/parties/?page_size=1001"), 400, "page_size"),
    ("negative page", lambda b: b.api.get("/api/v1/parties/?page=-1"), 400, "page number"),
    ("page beyond the end", lambda b: b.api.get("/api/v1/parties/?page=99999"), 404, ""),
    ("negative page on a page", lambda b: b.anonymous.get("/parties/ukraine/?page=-1"), 200, ""),
    ("garbage cursor", lambda b: b.api.get("/api/v1/positions/?cursor=%%%"), 400, "cursor"),
    # Crafted parameters
    (
        "unknown ordering",
        lambda b: b.api.get("/api/v1/positions/?ordering=password"),
        400,
        "ordering",
    ),
    (
        "ordering through a relation",
        lambda b: b.api.get("/api/v1/positions/?ordering=-created_by__password"),
        400,
        "ordering",
    ),
    ("_connector", lambda b: b.api.get("/api/v1/positions/?_connector=OR"), 400, "_connector"),
    ("_negated", lambda b: b.api.get("/api/v1/positions/?_negated=1"), 400, "_negated"),
    (
        "lookup injection",
        lambda b: b.api.get("/api/v1/positions/?summary__regex=.*"),
        400,
        "summary__regex",
    ),
    ("repeated single parameter", lambda b: b.api.get("/api/v1/positions/?q=a&q=b"), 400, "once"),
    ("unknown format", lambda b: b.api.get("/api/v1/positions/?format=xml"), 404, ""),
    ("stance out of range", lambda b: b.create(stance=99), 400, "stance"),
    ("stance as huge number", lambda b: b.create(stance=10**30), 400, "stance"),
    ("version as text", lambda b: b.patch(version="one"), 400, "version"),
    ("JSON that is a list", lambda b: b.create_raw(b"[1, 2, 3]"), 400, ""),
    ("malformed JSON", lambda b: b.create_raw(b'{"summary": '), 400, "JSON"),
    (
        "deeply nested JSON",
        lambda b: b.create_raw(b"[" * 100_000 + b"]" * 100_000),
        400,
        "nested too deeply",
    ),
    (
        "plain-text body",
        lambda b: b.create_raw(b"summary=x", content_type="text/plain"),
        415,
        "",
    ),
    ("write without a token", lambda b: b.anonymous.post("/api/v1/positions/", {}), 401, ""),
    # Source URLs that run code
    (
        "javascript: URL in admin form",
        lambda b: b.admin_source(url="javascript:alert(1)"),
        200,
        "valid URL",
    ),
    (
        "data: URL as archived copy",
        lambda b: b.admin_source(archived_url="data:text/html,<script>alert(1)</script>"),
        200,
        "valid URL",
    ),
]


@pytest.fixture
def bench(editor, superuser):
    return Bench(editor, superuser)


@pytest.mark.parametrize(("case", "send", "status", "says"), TABLE, ids=[r[0] for r in TABLE])
def test_bad_input_is_refused_and_nothing_is_written(bench, case, send, status, says):
    before = footprint()
    response = send(bench)
    assert response.status_code == status, (case, response.content[:300])
    body = response.content.decode("utf-8", "replace")
    assert says in body, (case, body[:300])
    if status == 201:
        return  # the one row that is accepted; its storage is checked below
    assert footprint() == before, case


def test_a_quote_at_the_length_limit_is_stored_whole(bench):
    response = bench.create(quote="x" * QUOTE_MAX_LENGTH)
    assert response.status_code == 201
    assert len(Position.objects.get(pk=response.json()["id"]).quote) == QUOTE_MAX_LENGTH


@pytest.mark.parametrize("quote", [RTL_QUOTE, COMBINING_QUOTE])
def test_rtl_and_combining_characters_are_stored_exactly(bench, quote):
    response = bench.create(quote=quote, summary=quote[:200])
    assert response.status_code == 201, response.content
    stored = Position.objects.get(pk=response.json()["id"])
    assert (stored.quote, stored.summary) == (quote, quote[:200])
    assert json.loads(bench.api.get(f"/api/v1/positions/{stored.pk}/").content)["quote"] == quote


@pytest.mark.parametrize("quote", [RTL_QUOTE, COMBINING_QUOTE])
def test_rtl_or_combining_quote_missing_from_the_source_is_refused(bench, quote):
    bench.source.text = "The minister said they will never accept it."
    bench.source.save()
    before = footprint()
    response = bench.create(quote=quote)
    assert response.status_code == 400
    assert "quote" in response.json()["errors"]
    assert footprint() == before


@pytest.mark.parametrize("field", [{"is_superuser": True}, {"status": "published"}])
def test_unknown_or_read_only_body_fields_are_refused(bench, field):
    before = footprint()
    response = bench.create(**field)
    assert response.status_code == 400
    assert set(field) <= set(response.json()["errors"])
    assert footprint() == before
