"""Every change is recorded with who, when and what, and shown as a readable diff."""

import re

import pytest
from django.urls import reverse

from positions.editorial import services
from positions.models.choices import Stance
from tests.desk import page_form_data, position_form_data
from tests.factories import PartyFactory, PersonFactory, SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db


def history_page(client, obj) -> str:
    name = type(obj)._meta.model_name
    response = client.get(reverse(f"admin:positions_{name}_history", args=[obj.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_second_account_reads_who_changed_a_position_and_how(client, editor, reviewer):
    source = SourceFactory(text="We will never accept it, he said.")
    position = services.position_create(
        user=editor,
        party=PartyFactory(),
        topic=TopicFactory(),
        source=source,
        stated_on="2025-03-16",
        stance=Stance.REJECTS,
        summary="Rejects it.",
        quote="We will never accept it",
    )
    client.force_login(editor)
    data = position_form_data(position, stance=Stance.OPPOSES, summary="Opposes it.")
    client.post(reverse("admin:positions_position_change", args=[position.pk]), data)

    client.force_login(reviewer)
    page = history_page(client, position)
    assert "Edited: stance, summary" in page
    assert "rejects" in page and "opposes" in page, "stance shown by its label"
    assert "Rejects it." in page and "Opposes it." in page
    authors = re.findall(r'<a href="/admin/auth/user/\d+/change/">(\w+)</a>', page)
    assert authors == ["editor", "editor"], "newest first: the edit, then the creation"


@pytest.mark.parametrize(
    ("factory", "field", "new_value"),
    [
        (PartyFactory, "short_name", "Freedonia"),
        (PersonFactory, "name", "Rufus Firefly"),
        (TopicFactory, "proposition", "Freedonia joins the alliance"),
        (SourceFactory, "title", "Corrected headline"),
    ],
)
def test_edits_to_what_positions_cite_are_in_history_with_their_author(
    client, editor, factory, field, new_value
):
    obj = factory()
    name = type(obj)._meta.model_name
    url = reverse(f"admin:positions_{name}_change", args=[obj.pk])
    client.force_login(editor)
    old_value = getattr(obj, field)
    data = page_form_data(client.get(url)) | {field: new_value}
    response = client.post(url, data)
    assert response.status_code == 302
    record = obj.history.latest("history_id")
    assert record.history_user == editor and getattr(record, field) == new_value
    page = history_page(client, obj)
    assert old_value in page and new_value in page


def test_history_cannot_be_used_to_revert_around_the_workflow(client, reviewer):
    party = PartyFactory()
    party.short_name = "Changed"
    party.save()
    record = party.history.earliest("history_id")
    client.force_login(reviewer)
    url = reverse("admin:positions_party_simple_history", args=[party.pk, record.history_id])
    assert client.get(url).status_code == 200
    assert client.post(url, {"short_name": "Reverted"}).status_code == 403
    party.refresh_from_db()
    assert party.short_name == "Changed"
