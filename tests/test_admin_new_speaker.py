"""A speaker not yet in the record: one pop-up (person, role and party at once) or the
position's own form, and roles named with their person."""

import json

import pytest
from django.urls import reverse

from positions.models import Person, Position, Role
from positions.models.choices import Stance
from tests.desk import form_errors, page_form_data, position_form_data
from tests.factories import (
    PartyFactory,
    PersonFactory,
    PositionFactory,
    RoleFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

PERSON_ADD = reverse("admin:positions_person_add")
POSITION_ADD = reverse("admin:positions_position_add")


def test_the_new_person_pop_up_has_an_empty_role_row_ready(client, editor):
    client.force_login(editor)
    page = client.get(PERSON_ADD, {"_popup": "1", "_to_field": "id"})
    (roles,) = page.context["inline_admin_formsets"]
    assert len(roles.formset.forms) == 1
    assert {"title", "party"} <= set(roles.formset.forms[0].fields)


def test_an_existing_persons_page_adds_no_empty_role_row(client, editor):
    person = RoleFactory().person
    client.force_login(editor)
    page = client.get(reverse("admin:positions_person_change", args=[person.pk]))
    (roles,) = page.context["inline_admin_formsets"]
    assert len(roles.formset.forms) == 1, "only the role already recorded"


def test_one_pop_up_records_person_role_and_party_and_hands_back_all_three(client, editor):
    united_states = PartyFactory(short_name="United States")
    client.force_login(editor)
    page = client.get(PERSON_ADD, {"_popup": "1", "_to_field": "id"})
    data = page_form_data(page) | {
        "name": "Donald Trump",
        "slug": "donald-trump",
        "roles-0-title": "President",
        "roles-0-party": united_states.pk,
        "_popup": "1",
        "_to_field": "id",
    }
    response = client.post(f"{PERSON_ADD}?_popup=1&_to_field=id", data)
    assert response.status_code == 200, form_errors(response)
    person = Person.objects.get(name="Donald Trump")
    role = person.roles.get()
    assert (role.title, role.party) == ("President", united_states)
    handed_back = json.loads(response.context_data["popup_response_data"])
    assert handed_back == {
        "value": str(person.pk),
        "obj": "Donald Trump",
        "role": {"value": str(role.pk), "obj": "Donald Trump — President, United States"},
        "party": {"value": str(united_states.pk), "obj": "United States"},
    }
    form_page = client.get(POSITION_ADD).content.decode()
    assert "positions/admin/new-speaker.js" in form_page, "the form that opens it reads them"


def test_role_options_name_the_person(client, editor):
    RoleFactory(
        person=PersonFactory(name="Donald Trump"),
        party=PartyFactory(short_name="United States"),
        title="President",
    )
    RoleFactory(person=PersonFactory(name="Sergei Lavrov"), title="Foreign Minister")
    client.force_login(editor)
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "positions", "model_name": "position", "field_name": "role", "term": "Trump"},
    )
    assert [row["text"] for row in response.json()["results"]] == [
        "Donald Trump — President, United States"
    ]


def test_role_search_runs_a_constant_number_of_queries(
    client, editor, django_assert_max_num_queries
):
    RoleFactory.create_batch(15)
    client.force_login(editor)
    params = {"app_label": "positions", "model_name": "position", "field_name": "role"}
    with django_assert_max_num_queries(8):
        response = client.get(reverse("admin:autocomplete"), params)
    assert len(response.json()["results"]) == 15


def _position_form(source, party, **typed) -> dict:
    defaults = {
        "party": party.pk,
        "topic": TopicFactory().pk,
        "quote": "we will consider a ceasefire",
        "stated_on": "2025-03-17",
        "stance": Stance.OPEN,
        "move": "openness",
        "summary": "Open to a ceasefire.",
    }
    data = position_form_data(Position(source=source), **(defaults | typed))
    data["source"] = source.pk
    return data


def test_a_new_speaker_is_recorded_with_the_position_in_one_submission(client, editor):
    source = SourceFactory(text="The minister said: we will consider a ceasefire in May.")
    ukraine = PartyFactory(short_name="Ukraine")
    client.force_login(editor)
    data = _position_form(
        source, ukraine, new_speaker="Andrii Example", new_speaker_role="Foreign Minister"
    )
    response = client.post(POSITION_ADD, data)
    assert response.status_code == 302, form_errors(response)
    position = Position.objects.get()
    assert position.speaker.name == "Andrii Example"
    assert position.speaker.slug == "andrii-example"
    assert str(position.role) == "Andrii Example — Foreign Minister, Ukraine"
    assert position.party == ukraine
    assert position.speaker.history.get().history_user == editor


def test_a_refused_position_records_no_new_speaker_and_keeps_the_input(client, editor):
    source = SourceFactory(text="The minister said: we will consider a ceasefire in May.")
    client.force_login(editor)
    data = _position_form(
        source,
        PartyFactory(),
        quote="we will consider a truce",
        new_speaker="Andrii Example",
        new_speaker_role="Foreign Minister",
    )
    response = client.post(POSITION_ADD, data)
    assert response.status_code == 200
    assert "does not occur in the source text" in form_errors(response)
    assert 'value="Andrii Example"' in response.content.decode()
    assert not Person.objects.exists() and not Role.objects.exists()


def test_a_new_speaker_already_recorded_is_refused(client, editor):
    PersonFactory(name="Andrii Example")
    source = SourceFactory(text="The minister said: we will consider a ceasefire in May.")
    client.force_login(editor)
    response = client.post(
        POSITION_ADD, _position_form(source, PartyFactory(), new_speaker="andrii  example")
    )
    assert response.status_code == 200
    assert "“Andrii Example” is already recorded: choose them as the speaker." in form_errors(
        response
    )
    assert Person.objects.count() == 1 and not Position.objects.exists()


def test_a_chosen_speaker_and_a_new_one_together_are_refused(client, editor):
    source = SourceFactory(text="The minister said: we will consider a ceasefire in May.")
    client.force_login(editor)
    data = _position_form(
        source, PartyFactory(), speaker=PersonFactory().pk, new_speaker="Andrii Example"
    )
    response = client.post(POSITION_ADD, data)
    assert "Either choose a speaker or name a new one, not both." in form_errors(response)
    assert not Position.objects.exists()


def test_the_new_speaker_fields_are_offered_only_on_a_new_position(client, editor):
    client.force_login(editor)
    assert 'name="new_speaker"' in client.get(POSITION_ADD).content.decode()
    existing = PositionFactory()
    page = client.get(reverse("admin:positions_position_change", args=[existing.pk]))
    assert 'name="new_speaker"' not in page.content.decode()


def test_a_suggested_new_speaker_comes_filled_in_from_the_address(client, editor):
    client.force_login(editor)
    page = client.get(
        POSITION_ADD, {"new_speaker": "Pavel Testov", "new_speaker_role": "Deputy Foreign Minister"}
    )
    form = page.context["adminform"].form
    assert form["new_speaker"].value() == "Pavel Testov"
    assert form["new_speaker_role"].value() == "Deputy Foreign Minister"


def test_an_unknown_speaker_in_an_article_is_recorded_from_its_suggestion(client, editor):
    """The extract page offers someone the record lacks by name and role; taking the offer
    records them, their role and the position in the one submission."""
    russia = PartyFactory(name="Russian Federation", short_name="Russia")
    topic = TopicFactory(name="European troops", proposition="European troops deploy")
    source = SourceFactory(
        # Constructed test text; the person is invented.
        text="MOSCOW - Russia will not accept European troops in Ukraine, Russian Deputy "
        "Foreign Minister Pavel Testov said on Tuesday."
    )
    client.force_login(editor)
    page = client.get(reverse("admin:positions_source_extract", args=[source.pk]))
    # The new person, named in full with a title, is filled in by the statement's link.
    (link,) = [url for row in page.context["rows"] for _, url, _ in row["links"]]
    form_page = client.get(link)
    form = form_page.context["adminform"].form
    assert form["new_speaker"].value() == "Pavel Testov"
    assert form["new_speaker_role"].value() == "Deputy Foreign Minister"

    data = page_form_data(form_page) | {
        "party": russia.pk,
        "topic": topic.pk,
        "stance": Stance.REJECTS,
        "summary": "Russia rejects European troops in Ukraine.",
    }
    response = client.post(link, data)
    assert response.status_code == 302, form_errors(response)
    position = Position.objects.get()
    assert (position.speaker.name, str(position.role)) == (
        "Pavel Testov",
        "Pavel Testov — Deputy Foreign Minister, Russia",
    )
