"""What a reader's search reaches: speakers, parties, topics and propositions as well as
quotes and summaries, each word in any of its forms, on both databases; and how a search
that finds nothing says so."""

import pytest

from positions.postgres.search import query_words, stem
from tests.test_pages import page

pytestmark = pytest.mark.django_db


def results_section(html: str) -> str:
    return html.split('id="results-heading"')[1]


def seed_position_links(slugs: dict) -> set[str]:
    from positions.models import Position

    return {
        p.get_absolute_url()
        for p in Position.objects.published().filter(**slugs).select_related(None)
    }


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("peacekeeping", "peacekeep"),
        ("peacekeepers", "peacekeep"),
        ("negotiations", "negoti"),
        ("guarantees", "guarante"),
        ("deployed", "deploy"),
        ("foreign", "foreign"),
        ("nato", "nato"),
        ("uses", "uses"),  # too short to lose an ending
    ],
)
def test_a_word_is_matched_by_its_stem(word, expected):
    assert stem(word) == expected


def test_common_words_and_punctuation_do_not_narrow_a_search():
    assert query_words("The Russia's “peacekeepers”, and NATO!") == [
        "russia",
        "peacekeepers",
        "nato",
    ]


def test_a_speakers_name_finds_their_positions(client, seeded):
    html = results_section(page(client, "/search/?q=Grushko"))
    expected = seed_position_links({"speaker__slug": "alexander-grushko"})
    assert expected
    assert f"{len(expected)} positions matching “Grushko”" in html
    assert all(f'href="{url}"' in html for url in expected)


def test_words_of_a_proposition_find_the_positions_on_it(client, seeded):
    html = results_section(page(client, "/search/?q=foreign+peacekeepers"))
    on_topic = seed_position_links({"topic__slug": "peacekeepers-in-ukraine"})
    assert on_topic
    assert all(f'href="{url}"' in html for url in on_topic)


def test_peacekeeping_finds_quotes_saying_peacekeepers(client, seeded):
    from positions.models import Position

    saying = Position.objects.published().filter(quote__icontains="peacekeepers")
    assert saying.exists()
    html = results_section(page(client, "/search/?q=peacekeeping"))
    assert all(f'href="{p.get_absolute_url()}"' in html for p in saying)


def test_a_partys_name_with_a_word_of_the_quote_narrows_to_both(client, seeded):
    html = results_section(page(client, "/search/?q=Russia+incompatible"))
    assert "1 position matching" in html
    assert "NATO and peacekeeping are entirely incompatible" in html


def test_a_search_finding_nothing_says_no_match_not_no_positions(client, seeded):
    html = page(client, "/search/?q=zeppelin")
    assert "No position matches “zeppelin”." in html
    assert "No published positions yet" not in html


def test_lists_mark_the_summary_and_quote_the_speaker_apart(client, seeded):
    html = results_section(page(client, "/search/?q=incompatible"))
    item = html.split('<li class="statement')[1].split("</li>")[0]
    assert '<span class="summary-label">Summary:</span>' in item
    quote = item.split('<blockquote class="statement-quote">')[1].split("</blockquote>")[0]
    assert "NATO and peacekeeping are entirely incompatible." in quote
    assert '— <a href="/people/alexander-grushko/">Alexander Grushko</a>' in quote


def test_a_persons_page_shows_their_quotes(client, seeded):
    html = page(client, "/people/alexander-grushko/")
    assert html.count('<blockquote class="statement-quote">') >= 1
    assert "NATO and peacekeeping are entirely incompatible." in html


def test_a_long_quote_is_cut_at_a_word_in_lists(client):
    from tests.test_pages import publish

    words = "peace " * 80  # 480 characters
    position = publish(quote=words.strip())
    html = page(client, "/")
    quote = html.split('<blockquote class="statement-quote"><p>')[1].split("</p>")[0]
    assert quote == ("peace " * 49 + "peace …")
    assert position.get_absolute_url() in html


def test_latest_positions_on_the_home_page_go_by_when_they_were_said(client):
    import datetime

    from django.utils import timezone

    from tests.test_pages import publish

    now = timezone.now()
    december = publish(
        summary="Said in December.",
        stated_on=datetime.date(2025, 12, 1),
        published_at=now - datetime.timedelta(days=1),
    )
    # Published later, in a bulk entry of older statements.
    february = publish(
        summary="Said in February.", stated_on=datetime.date(2025, 2, 1), published_at=now
    )
    latest = page(client, "/").split('id="latest-heading"')[1]
    assert latest.index(december.summary) < latest.index(february.summary)
