"""What the benchmarks request, and the raw-database baselines they are compared with.

Slugs name synthetic rows that exist at every size (``positions.editorial.synthetic``).
"""

import base64
import datetime
import json
import re
from pathlib import Path

import orjson
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from positions.models import Position
from positions.models.choices import PUBLIC_STATUSES, STANCE_NAMES

PARTY = "synthetic-party-01"
TOPIC = "synthetic-topic-01-1"
# A busy topic: its chart (120 statements) and its first page of statements are full
# at 10k already, so its growth shows what the record's size costs, not the answer's.
BUSY_TOPIC = "synthetic-topic-05-7"
# A readable matrix: eight parties across the twenty top-level topics.
COMPARE_PARTIES = ",".join(f"synthetic-party-{n:02d}" for n in range(1, 9))
COMPARE_TOPICS = ",".join(f"synthetic-topic-{n:02d}" for n in range(1, 21))
API_PAGE = "/api/v1/positions/?page_size=50"
SERIALISATION_PAGE_SIZE = 1000
EXPORT_URL = "/api/v1/positions/export.csv"
HOST = "http://testserver"
# The editors' desk is measured signed in as this account, made in the scratch databases only.
DESK_ACCOUNT = "synthetic-desk-superuser"

# Timed at both sizes: their ratio is the growth figure.
GROWTH = (
    "compare",
    "topic",
    "topic_busy",
    "party",
    "api_timeline",
    "api_timeline_window",
    "search",
    "home",
    "desk_positions",
    "desk_search",
    "desk_parties",
    "desk_extract",
    "desk_positions_by_party",
    "desk_sources",
)
# Served by gunicorn and by the bare app for the throughput figure.
THROUGHPUT = ("api_positions", "topic")


def urls() -> dict[str, str]:
    # The first public position, its source and its speaker exist at every size.
    position_id, source_id, person = (
        Position.objects.public().order_by("id").values_list("id", "source_id", "speaker__slug")[0]
    )
    return {
        "home": "/",
        "compare": f"/compare/?parties={COMPARE_PARTIES}&topics={COMPARE_TOPICS}",
        "compare_changes": (
            f"/compare/?parties={COMPARE_PARTIES}&topics={COMPARE_TOPICS}"
            "&from=2019-01-01&to=2024-01-01"
        ),
        "topic": f"/topics/{TOPIC}/",
        "topic_busy": f"/topics/{BUSY_TOPIC}/",
        "party": f"/parties/{PARTY}/",
        "person": f"/people/{person}/",
        "position": f"/positions/{position_id}/",
        "source": f"/sources/{source_id}/",
        "search": "/search/?q=adopted",
        "api_positions": API_PAGE,
        "api_parties": "/api/v1/parties/",
        "api_topics": "/api/v1/topics/",
        "api_people": "/api/v1/people/",
        "api_sources": "/api/v1/sources/",
        "api_timeline": f"/api/v1/timeline/?topic={TOPIC}",
        # The same number of points at both sizes (the topic has about 24 at 10k), so the
        # ratio shows what the size of the record costs, not the size of the answer.
        "api_timeline_window": f"/api/v1/timeline/?topic={TOPIC}&limit=20",
        "api_compare": f"/api/v1/compare/?parties={COMPARE_PARTIES}&topics={COMPARE_TOPICS}",
        # The editors' desk, signed in (see ``desk_account``).
        "desk_positions": reverse("admin:positions_position_changelist"),
        "desk_search": reverse("admin:positions_position_changelist") + "?q=adopted",
        "desk_parties": reverse("admin:positions_party_changelist"),
        "desk_extract": reverse("admin:positions_source_extract", args=[source_id]),
        # Sorted by a column of another table: no index gives that order.
        "desk_positions_by_party": reverse("admin:positions_position_changelist") + "?o=2",
        "desk_sources": reverse("admin:positions_source_changelist"),
    }


def desk_account():
    """The account the desk's pages are requested as: a superuser, labelled synthetic."""
    user, created = get_user_model().objects.get_or_create(
        username=DESK_ACCOUNT, defaults={"is_staff": True, "is_superuser": True}
    )
    if created:
        # Signed in by the benchmark alone: no password opens it.
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def last_page_url() -> str:
    """The positions API's last page, reached by the cursor its `next` links would carry."""
    page_size = 50
    row = (
        Position.objects.public()
        .order_by("-stated_on", "-id")
        .values_list("stated_on", "id")[page_size]
    )
    token = json.dumps({"v": row[0].isoformat(), "id": row[1], "b": False}, separators=(",", ":"))
    cursor = base64.urlsafe_b64encode(token.encode()).decode().rstrip("=")
    return f"{API_PAGE}&cursor={cursor}"


# --- API serialisation: the same rows and fields, straight from psycopg to orjson.

_RAW_PAGE_SQL = """
SELECT p.id, p.stance, p.shift, p.previous_id, p.stated_on, p.stated_on_precision,
       p.long_standing, p.quote, p.quote_translation, p.summary, p.conditions, p.move,
       p.status, p.version, p.published_at,
       p.retracted_at, p.retraction_reason, p.created_at, p.updated_at,
       pa.id, pa.slug, pa.name, pa.short_name,
       t.id, t.slug, t.name, t.proposition,
       sp.id, sp.slug, sp.name,
       r.title,
       s.id, s.title, s.outlet, s.url, s.published_at, s.modified_at
FROM positions_position p
JOIN positions_party pa ON pa.id = p.party_id
JOIN positions_topic t ON t.id = p.topic_id
LEFT JOIN positions_person sp ON sp.id = p.speaker_id
LEFT JOIN positions_role r ON r.id = p.role_id
JOIN positions_source s ON s.id = p.source_id
WHERE p.status = ANY(%s)
ORDER BY p.stated_on, p.id
LIMIT %s
"""


def _dt(value):
    if value is None:
        return None
    text = value.astimezone(datetime.UTC).replace(microsecond=0).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def raw_positions_page(page_size: int) -> bytes:
    api = f"{HOST}/api/v1"
    with connection.cursor() as cursor:
        cursor.execute(_RAW_PAGE_SQL, [list(PUBLIC_STATUSES), page_size])
        rows = cursor.fetchall()
    results = []
    for row in rows:
        (pid, stance, shift, previous, stated_on, precision, long_standing, quote, translation,
         summary, conditions, move, status, version, published_at, retracted_at, reason,
         created_at, updated_at,
         party_id, party_slug, party_name, party_short, topic_id, topic_slug, topic_name,
         proposition, speaker_id, speaker_slug, speaker_name, role_title, source_id,
         source_title, outlet, source_url, source_published, source_modified) = row  # fmt: skip
        results.append(
            {
                "id": pid,
                "url": f"{api}/positions/{pid}/",
                "html_url": f"{HOST}/positions/{pid}/",
                "party": {
                    "id": party_id,
                    "slug": party_slug,
                    "name": party_name,
                    "short_name": party_short,
                    "url": f"{api}/parties/{party_slug}/",
                },
                "topic": {
                    "id": topic_id,
                    "slug": topic_slug,
                    "name": topic_name,
                    "proposition": proposition,
                    "url": f"{api}/topics/{topic_slug}/",
                },
                "speaker": None
                if speaker_id is None
                else {
                    "id": speaker_id,
                    "slug": speaker_slug,
                    "name": speaker_name,
                    "url": f"{api}/people/{speaker_slug}/",
                },
                "role": role_title,
                "source": {
                    "id": source_id,
                    "title": source_title,
                    "outlet": outlet,
                    "source_url": source_url,
                    "published_at": _dt(source_published),
                    "modified_at": _dt(source_modified),
                    "url": f"{api}/sources/{source_id}/",
                },
                "stance": STANCE_NAMES[stance],
                "stance_score": stance,
                "shift": shift or None,
                "previous": previous,
                "stated_on": stated_on.isoformat(),
                "stated_on_precision": precision,
                "long_standing": long_standing,
                "quote": quote,
                "quote_translation": translation,
                "summary": summary,
                "conditions": conditions,
                "move": move,
                "status": status,
                "version": version,
                "published_at": _dt(published_at),
                "retracted_at": _dt(retracted_at),
                "retraction_reason": reason,
                "created_at": _dt(created_at),
                "updated_at": _dt(updated_at),
            }
        )
    return orjson.dumps({"results": results})


def canonical(body: bytes) -> bytes:
    """The list of records, keys sorted: what must match byte for byte."""
    return orjson.dumps(orjson.loads(body)["results"], option=orjson.OPT_SORT_KEYS)


def serialisation(timed, get, repeat: int) -> dict:
    url = f"/api/v1/positions/?page_size={SERIALISATION_PAGE_SIZE}"
    identical = canonical(get(url)) == canonical(raw_positions_page(SERIALISATION_PAGE_SIZE))
    return {
        "api": timed(lambda: get(url), repeat),
        "raw": timed(lambda: raw_positions_page(SERIALISATION_PAGE_SIZE), repeat),
        "identical": identical,
        "rows": SERIALISATION_PAGE_SIZE,
    }


# --- Bulk export against COPY of the same query.


def _export_sql(stream) -> str:
    """The row query of the export, as executed (parameters inlined). Read from the JSON Lines
    export, which runs it as it is; the CSV export has PostgreSQL format its cells."""
    with CaptureQueriesContext(connection) as captured:
        stream(EXPORT_URL.replace(".csv", ".jsonl"))
    selects = [q["sql"] for q in captured.captured_queries if "positions_position" in q["sql"]]
    sql = max(selects, key=len)
    # Streaming reads go through a server-side cursor: keep the SELECT it declares.
    return re.sub(r"^DECLARE .*? CURSOR .*?FOR ", "", sql, flags=re.S)


def copy_csv(sql: str) -> int:
    size = 0
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY ({sql}) TO STDOUT WITH CSV HEADER") as copy,
    ):
        for chunk in copy:
            size += len(chunk)
    return size


def export(timed, stream, repeat: int) -> dict:
    sql = _export_sql(stream)
    return {
        "export": timed(lambda: stream(EXPORT_URL), repeat, warmup=1),
        "copy": timed(lambda: copy_csv(sql), repeat, warmup=1),
        "rows": Position.objects.public().count(),
    }


# --- SQL replayed by the bare WSGI app for the throughput baseline.


def capture_sql(path: Path) -> dict:
    from django.test import Client

    client = Client()
    captured_by_url = {}
    for name in THROUGHPUT:
        url = urls()[name]
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        # The page's own reads; cache and transaction bookkeeping are not the page's SQL.
        captured_by_url[url] = [
            q["sql"]
            for q in captured.captured_queries
            if q["sql"].lstrip().upper().startswith("SELECT") and "standpoint_cache" not in q["sql"]
        ]
    path.write_text(json.dumps(captured_by_url))
    return {"urls": list(captured_by_url), "queries": sum(map(len, captured_by_url.values()))}
