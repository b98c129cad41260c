import pytest
from django.urls import reverse

from positions.models import Position

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name",
    [
        "admin:positions_position_changelist",
        "admin:positions_position_add",
        "admin:positions_source_changelist",
        "admin:positions_source_add",
        "admin:positions_source_import",
        "admin:positions_party_changelist",
        "admin:positions_topic_changelist",
        "admin:positions_person_changelist",
        "admin:positions_role_changelist",
        "admin:positions_event_changelist",
    ],
)
def test_desk_pages_open_for_an_editor(client, editor, seeded, name):
    client.force_login(editor)
    assert client.get(reverse(name)).status_code == 200


def test_position_and_source_pages_open(client, reviewer, seed_article):
    client.force_login(reviewer)
    position = Position.objects.first()
    for url in [
        reverse("admin:positions_position_change", args=[position.pk]),
        reverse("admin:positions_position_history", args=[position.pk]),
        reverse("admin:positions_source_change", args=[seed_article.pk]),
        reverse("admin:positions_source_extract", args=[seed_article.pk]),
        reverse("admin:positions_position_step", args=[position.pk, "retract"]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
