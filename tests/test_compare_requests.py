"""One compare request: the page and the API read it by the same rules, with the same
status and the same message for each mistake."""

import datetime

import pytest
from django.utils.html import escape

from positions.models.choices import Stance
from positions.reading import requests as rules
from tests.factories import PartyFactory, TopicFactory
from tests.test_pages import publish

pytestmark = pytest.mark.django_db

PAGE, API = "/compare/", "/api/v1/compare/"
TOO_MANY = ",".join(f"topic-{n}" for n in range(rules.MAX_SLUGS + 1))
AT_THE_LIMIT = ",".join(["nato", *(f"topic-{n}" for n in range(rules.MAX_SLUGS - 1))])
UNKNOWN_AT_THE_LIMIT = "Unknown slug: " + ", ".join(
    f"topic-{n}" for n in range(rules.MAX_SLUGS - 1)
)


@pytest.fixture
def record():
    russia, ukraine = PartyFactory(slug="russia"), PartyFactory(slug="ukraine")
    nato = TopicFactory(slug="nato", proposition="Ukraine joins NATO")
    members = TopicFactory(slug="nato-members", parent=nato, proposition="Troops of members")
    truce = TopicFactory(slug="truce", proposition="A truce is agreed")
    for party, topic, stance, day in [
        (russia, nato, Stance.OPEN, "2025-01-10"),
        (russia, nato, Stance.REJECTS, "2025-03-16"),
        (ukraine, members, Stance.SUPPORTS, "2025-02-01"),
        (ukraine, truce, Stance.OPEN, "2025-02-01"),
    ]:
        publish(party=party, topic=topic, stance=stance, stated_on=day)
    return {"russia": russia, "nato": nato, "members": members, "truce": truce}


# (query string, status, parameter at fault, message)
REQUESTS = [
    ("", 200, None, None),
    ("as_of=2025-03-01", 200, None, None),
    ("as_of=", 200, None, None),
    ("from=&to=", 200, None, None),
    ("from=2025-02-01&to=2025-03-31", 200, None, None),
    ("from=2025-02-01", 200, None, None),
    ("topics=nato&parties=russia,ukraine", 200, None, None),
    ("topics=nato&topics=truce", 200, None, None),
    ("as_of=2025-02-30", 400, "as_of", "2025-02-30 is not a date in the calendar."),
    ("from=0000-01-01&to=2025-01-01", 400, "from", "0000-01-01 is not a date in the calendar."),
    ("as_of=16/03/2025", 400, "as_of", rules.DATE_FORMAT_ERROR),
    ("as_of=2025-3-16", 400, "as_of", rules.DATE_FORMAT_ERROR),
    ("as_of=2025-03-16T00:00", 400, "as_of", rules.DATE_FORMAT_ERROR),
    # Digits of another script are not ISO digits.
    ("as_of=%D9%A2%D9%A0%D9%A2%D9%A5-03-16", 400, "as_of", rules.DATE_FORMAT_ERROR),
    ("to=2025-01-01", 400, "from", rules.TO_WITHOUT_FROM_ERROR),
    ("from=2025-03-01&to=2025-01-01", 400, "to", rules.TO_BEFORE_FROM_ERROR),
    ("from=2999-01-01", 400, "to", rules.TO_BEFORE_FROM_ERROR),
    ("as_of=2025-01-01&from=2025-01-01", 400, "as_of", rules.AS_OF_WITH_RANGE_ERROR),
    ("as_of=2025-01-01&to=2025-02-01", 400, "as_of", rules.AS_OF_WITH_RANGE_ERROR),
    ("as_of=2025-01-01&as_of=2025-02-01", 400, "as_of", rules.ONCE_ERROR),
    ("topics=nato,atlantis", 400, "topics", "Unknown slug: atlantis."),
    (
        "parties=atlantis&parties=%3Cb%3Ex%3C/b%3E",
        400,
        "parties",
        "Unknown slug: atlantis, <b>x</b>.",
    ),
    ("parties=not+a+slug!", 400, "parties", "Unknown slug: not a slug!."),
    (f"topics={TOO_MANY}", 400, "topics", rules.TOO_MANY_SLUGS_ERROR),
    (f"topics={AT_THE_LIMIT}", 400, "topics", f"{UNKNOWN_AT_THE_LIMIT}."),
]


@pytest.mark.parametrize(("query", "status", "name", "message"), REQUESTS)
def test_page_and_api_answer_a_compare_request_alike(
    client, api, record, query, status, name, message
):
    page = client.get(f"{PAGE}?{query}")
    answer = api.get(f"{API}?{query}")

    assert page.status_code == answer.status_code == status
    if message is not None:
        assert answer.json()["errors"] == {name: [message]}
        assert escape(message) in page.content.decode()


def test_the_page_keeps_what_the_reader_typed_beside_the_error(client, record):
    html = client.get(f"{PAGE}?as_of=2025-02-30&parties=russia").content.decode()

    assert 'name="as_of" value="2025-02-30"' in html
    assert 'value="russia" checked' in html


def test_page_and_api_bring_a_topics_subtopics(client, api, record):
    data = api.get(API, {"topics": "nato"}).json()
    table = client.get(PAGE, {"topics": "nato"}).content.decode().split('class="matrix"')[1]

    assert {topic["slug"] for topic in data["topics"]} == {"nato", "nato-members"}
    assert "Troops of members" in table and "A truce is agreed" not in table


def test_page_and_api_list_changes_until_today_when_to_is_left_out(client, api, record):
    today = datetime.date.today()
    data = api.get(API, {"from": "2025-02-01"}).json()
    html = client.get(PAGE, {"from": "2025-02-01"}).content.decode()

    assert data["to"] == today.isoformat()
    assert f'name="to" value="{today.isoformat()}"' in html
    assert [change["party"]["slug"] for change in data["changes"]] == ["russia"]
