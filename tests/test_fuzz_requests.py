"""Property tests of query strings: whatever a client sends to a page, a feed or an API list,
the answer is never a server error, and a refusal says what was wrong."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/compare/",
    "/timeline/",
    "/search/",
    "/topics/ukraine-nato-membership/",
    "/parties/russia/",
    "/feeds/positions/",
]
API = [
    "/api/v1/positions/",
    "/api/v1/compare/",
    "/api/v1/timeline/",
    "/api/v1/parties/",
    "/api/v1/people/",
    "/api/v1/topics/",
    "/api/v1/sources/",
    "/api/v1/events/",
]
# What the pages and endpoints understand, plus names that reach into Django and DRF.
NAMES = [
    "q",
    "party",
    "parties",
    "topic",
    "topics",
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
    "ordering",
    "cursor",
    "page",
    "page_size",
    "from",
    "to",
    "as_of",
    "year",
    "classification",
    "kind",
    "outlet",
    "parent",
    "format",
    "_connector",
    "_negated",
    "party__name__regex",
    "id__in",
    "limit",
    "offset",
]
VALUES = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=30),
    st.integers(-(2**70), 2**70).map(str),
    st.sampled_from(
        [
            "2025-02-30",
            "0000-01-01",
            "9999-12-31",
            "2025-03-16T25:61:00Z",
            "-1",
            "0",
            "1e309",
            "NaN",
            "-stated_on",
            "?",
            "OR",
            "russia,russia,russia",
            "eyJ2IjoiMjAyNSIsImlkIjoxfQ",
            "' OR 1=1 --",
            "%00",
            "json",
            "api",
            "csv",
        ]
    ),
)
QUERIES = st.lists(st.tuples(st.one_of(st.sampled_from(NAMES), st.text(max_size=8)), VALUES))
# Raw query strings: stray percent signs, bytes that are not UTF-8, separators.
RAW = st.text(st.sampled_from(list("ab=&;%+25ffc3e9x0/?#[]")), max_size=40)

EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def assert_handled(response, where):
    assert response.status_code < 500, f"{where}: {response.status_code}"
    if response.status_code == 400:
        assert response.content, where  # a refusal says why


def test_pages_and_feeds_never_fail_on_any_query(client, seeded):
    @EXAMPLES
    @given(path=st.sampled_from(PAGES), query=QUERIES)
    def request(path, query):
        assert_handled(client.get(path, query), f"{path} {query}")

    request()


def test_api_lists_never_fail_on_any_query(client, seeded):
    @EXAMPLES
    @given(path=st.sampled_from(API), query=QUERIES)
    def request(path, query):
        response = client.get(path, query, HTTP_ACCEPT="application/json")
        assert_handled(response, f"{path} {query}")
        if response.status_code == 400:
            assert response["Content-Type"].startswith(
                ("application/json", "application/problem+json")
            )

    request()


def test_raw_query_strings_never_fail(client, seeded):
    @EXAMPLES
    @given(path=st.sampled_from(PAGES + API), raw=RAW)
    def request(path, raw):
        assert_handled(client.get(f"{path}?{raw}"), f"{path}?{raw}")

    request()
