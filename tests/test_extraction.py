"""From the seed article to its positions through the "Extract positions" page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from positions.editorial import extraction
from positions.models import Party, Person, Position, Topic
from positions.models.choices import Move, Status
from tests.desk import FORM_FIELDS, form_errors, page_form_data
from tests.factories import RoleFactory, SourceFactory


def test_sentences_keep_their_offsets_in_the_text():
    text = "First line here.\n\nHe said it. She said: “No.” Then silence."
    sentences = extraction.split_sentences(text)
    assert [s.text for s in sentences] == [
        "First line here.",
        "He said it.",
        "She said: “No.”",
        "Then silence.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


@pytest.mark.parametrize(
    ("sentence", "markers"),
    [
        ("Moscow remains open to talks, he added.", ["reporting verb “added”"]),
        ('"We are ready," the minister stated.', ["reporting verb “stated”", "quotation marks"]),
        ("Guarantees must be central.", ["modal “must”"]),
        ("Firefighters work to extinguish a blaze.", []),
        ("Troops from the United States arrived.", []),
    ],
)
def test_attributed_sentences_are_recognised_by_their_markers(sentence, markers):
    assert extraction.attribution_markers(sentence) == markers


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        (
            "MOSCOW - Russia will demand guarantees, Russian Deputy Foreign Minister "
            "Alexander Grushko said in an interview with local media on Sunday.",
            "Russia will demand guarantees",
        ),
        ("He said the deployment would only be feasible if both agree.", None),
        (
            "As a possible alternative, he said that an observer mission could be considered.",
            "an observer mission could be considered",
        ),
        (
            "He reaffirmed Russia's stance that the deployment would be unacceptable.",
            "the deployment would be unacceptable",
        ),
        ('"Such a mission could help," he added.', "Such a mission could help"),
    ],
)
def test_the_quote_is_the_statement_without_its_attribution(sentence, quote):
    expected = quote or "the deployment would only be feasible if both agree"
    assert extraction.quote_of(sentence) == expected
    assert expected in sentence


def test_a_named_weekday_is_read_relative_to_publication():
    published = datetime.datetime(2025, 3, 17, 2, 35, tzinfo=datetime.UTC)  # a Monday
    assert extraction.find_date("he said on Sunday.", published) == (
        datetime.date(2025, 3, 16),
        "on Sunday",
    )
    assert extraction.find_date("talks on March 11, he said", published)[0] == (
        datetime.date(2025, 3, 11)
    )
    assert extraction.find_date("he said.", published) == (None, "")


@pytest.mark.parametrize(
    ("quote", "move", "conditions"),
    [
        ("Russia will demand concrete security guarantees", Move.DEMAND, ""),
        (
            "peacekeepers would only be feasible if both parties deem it necessary",
            Move.RED_LINE,
            "Only if both parties deem it necessary.",
        ),
        (
            "Moscow remains open to negotiations if Brussels signals a willingness to engage",
            Move.OPENNESS,
            "If Brussels signals a willingness to engage.",
        ),
        ("NATO and peacekeeping are entirely incompatible.", "", ""),
    ],
)
def test_move_and_conditions_are_suggested_from_the_wording(quote, move, conditions):
    assert extraction.suggest_move(quote) == move
    assert extraction.suggest_conditions(quote) == conditions


def test_topic_suggestion_prefers_the_most_shared_words(seeded):
    topics = list(Topic.objects.all())
    [best, *_] = extraction.suggest_topics(
        "Discussions on peacekeeping efforts should only take place after a formal peace "
        "agreement has been reached",
        topics,
    )
    assert best.slug == "peacekeeping-talks-before-agreement"
    assert extraction.suggest_topics("The weather was fine.", topics) == []


def test_extract_page_proposes_every_seed_position_and_prefills_the_first(
    client, editor, seed_article
):
    client.force_login(editor)
    response = client.get(reverse("admin:positions_source_extract", args=[seed_article.pk]))
    assert response.status_code == 200
    offered = {quote: url for row in response.context["rows"] for quote, url, _ in row["links"]}
    page = response.content.decode()
    for position in Position.objects.filter(source=seed_article):
        assert position.quote in offered, position.quote
        assert "Recorded:" in page
    not_statements = ["By Xinhua", "Firefighters work to extinguish", "ALSO READ"]
    for row in response.context["rows"]:
        if any(row["proposal"].sentence.text.startswith(text) for text in not_statements):
            assert not row["proposal"].attributed

    first = Position.objects.get(source=seed_article, topic__slug="guarantees-for-russia")
    form = client.get(offered[first.quote]).context["adminform"].form
    grushko = Person.objects.get(slug="alexander-grushko")
    assert {name: str(form.initial.get(name, "")) for name in FORM_FIELDS} == {
        "source": str(seed_article.pk),
        "quote": first.quote,
        "party": str(Party.objects.get(slug="russia").pk),
        "speaker": str(grushko.pk),
        "role": str(grushko.roles.get().pk),
        "stated_on": "2025-03-16",
        "stated_on_precision": "",
        "topic": str(first.topic_id),
        "stance": "",
        "move": "demand",
        "conditions": "",
        "summary": "",
    }


def test_extract_page_runs_a_constant_number_of_queries(
    client, editor, seed_article, django_assert_max_num_queries
):
    client.force_login(editor)
    url = reverse("admin:positions_source_extract", args=[seed_article.pk])
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_extract_page_reads_the_roles_of_the_people_it_names_only(client, editor, seed_article):
    party = Party.objects.get(slug="russia")
    RoleFactory.create_batch(60, party=party)
    client.force_login(editor)
    url = reverse("admin:positions_source_extract", args=[seed_article.pk])
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    speakers = {row["proposal"].speaker for row in response.context["rows"]} - {None}
    assert {person.slug for person in speakers} == {"alexander-grushko"}
    roles = [q["sql"] for q in captured.captured_queries if 'FROM "positions_role"' in q["sql"]]
    grushko = Person.objects.get(slug="alexander-grushko")
    assert len(roles) == 1 and f'"person_id" IN ({grushko.pk})' in roles[0], roles


def test_extract_page_without_permission_to_add_offers_no_links(client, db, seed_article):
    from django.contrib.auth.models import Permission

    from tests.factories import UserFactory

    viewer = UserFactory(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_source"))
    client.force_login(viewer)
    response = client.get(reverse("admin:positions_source_extract", args=[seed_article.pk]))
    assert response.status_code == 200
    assert "extract-link" not in response.content.decode()


def test_a_new_source_without_positions_is_extracted_too(client, editor, db):
    source = SourceFactory(
        text='KYIV - Ukraine must keep its army, the president said on Friday.\n"No."',
        published_at=datetime.datetime(2025, 3, 17, 8, 0, tzinfo=datetime.UTC),
    )
    client.force_login(editor)
    response = client.get(reverse("admin:positions_source_extract", args=[source.pk]))
    [statement, *_] = [row for row in response.context["rows"] if row["links"]]
    assert statement["links"][0][0] == "Ukraine must keep its army"
    assert statement["proposal"].stated_on == datetime.date(2025, 3, 14)


# The fields of a position an editor sets on the add form.
EFFORT_FIELDS = list(FORM_FIELDS)


def test_seed_article_positions_are_entered_from_the_extract_page(
    client, editor, seed_article, capsys
):
    """Walk the seed article's nine positions through the desk as an editor would, counting
    form submissions and the fields the editor had to type or change after the prefill."""
    truth = [
        {name: _value(position, name) for name in EFFORT_FIELDS}
        for position in Position.objects.filter(source=seed_article).order_by("id")
    ]
    Position.objects.all().delete()
    client.force_login(editor)
    extract_url = reverse("admin:positions_source_extract", args=[seed_article.pk])

    effort = []
    for expected in truth:
        page = client.get(extract_url)  # 1. the extract page
        offered = {
            q: (url, others, possible)
            for row in page.context["rows"]
            for q, url, others, _, possible in row["offers"]
        }
        quote = expected["quote"]
        url, others, possible = offered.get(quote) or next(
            v for q, v in offered.items() if quote in q
        )
        # 2. "Record a position" (with the values offered as possible, when the editor finds
        # them right: the last link takes them all), or the link for another suggested topic
        if possible:
            url = possible[-1][1]
        by_topic = {str(topic.pk): other_url for topic, other_url in others}
        chosen = by_topic.get(expected["topic"], url)
        add_page = client.get(chosen)
        data = page_form_data(add_page)
        typed = [name for name in EFFORT_FIELDS if data.get(name, "") != expected[name]]
        data |= {name: expected[name] for name in typed}
        response = client.post(chosen, data)  # 3. the one form submission
        assert response.status_code == 302, form_errors(response)
        assert response["Location"] == extract_url
        effort.append(typed)

    created = Position.objects.filter(source=seed_article).order_by("id")
    assert [{n: _value(p, n) for n in EFFORT_FIELDS} for p in created] == truth
    assert all(p.status == Status.DRAFT and not p.needs_anchoring for p in created)

    typed_counts = [len(fields) for fields in effort]
    with capsys.disabled():
        print(
            f"\nSeed article, {len(truth)} positions: 1 form submission each; fields typed "
            f"per position {typed_counts} (total {sum(typed_counts)}, mean "
            f"{sum(typed_counts) / len(truth):.1f}); typed: {effort}"
        )
    # Stance and summary are always the editor's; everything else should come prefilled
    # for most positions.
    assert all({"stance", "summary"} <= set(fields) for fields in effort)
    assert sum(typed_counts) <= 3 * len(truth)


def _value(position, name) -> str:
    value = getattr(position, Position._meta.get_field(name).attname)
    return "" if value is None else str(value)


def test_repeated_and_oddly_spaced_sentences_keep_exact_offsets():
    text = "  He said: no.   He said: no.\r\n\n“Never,”  she added.\u00a0 Done .\n\n"
    sentences = extraction.split_sentences(text)
    assert len(sentences) >= 4
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert sentences[0].start != sentences[1].start


def test_a_quote_repeated_in_the_article_is_anchored_where_it_was_picked(client, editor, db):
    from tests.factories import PartyFactory, TopicFactory

    text = (
        'The minister said: "We will not withdraw."\n'
        "Analysts doubted it.\n"
        'Asked again later, he stated: "We will not withdraw."'
    )
    source = SourceFactory(text=text)
    client.force_login(editor)
    response = client.get(reverse("admin:positions_source_extract", args=[source.pk]))
    links = [links for row in response.context["rows"] for links in row["links"]]
    assert [quote for quote, _, _ in links] == ["We will not withdraw."] * 2
    second_url = links[1][1]
    data = page_form_data(client.get(second_url)) | {
        # Nothing in the text dates the statement, so the editor gives the date.
        "stated_on": "2025-03-17",
        "party": PartyFactory().pk,
        "topic": TopicFactory().pk,
        "stance": "-2",
        "summary": "Will not withdraw.",
    }
    response = client.post(second_url, data)
    assert response.status_code == 302, form_errors(response)
    position = Position.objects.get()
    assert position.quote_start == text.rindex("We will not withdraw.")
    assert position.quote_prefix.endswith('he stated: "')
