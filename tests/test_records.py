"""What positions cite is written through ``editorial.records``: permission, history, and the
quotes of a source whose text changed."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from positions.editorial import records
from positions.models import Party, Position
from tests.factories import PartyFactory, PositionFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_an_edit_is_recorded_with_its_author(editor):
    party = PartyFactory()
    party.short_name = "Freedonia"
    records.record_save(record=party, user=editor)
    assert party.history.latest("history_id").history_user == editor


def test_deleting_needs_the_right_to_delete(editor, superuser):
    party = PartyFactory()
    with pytest.raises(PermissionDenied):
        records.record_delete(record=party, user=editor)
    records.record_delete(record=party, user=superuser)
    assert not Party.objects.filter(pk=party.pk).exists()


def test_positions_are_not_written_here(superuser):
    with pytest.raises(TypeError):
        records.record_save(record=PositionFactory(), user=superuser)


def test_a_source_saved_with_its_text_unchanged_rechecks_no_quote(editor):
    source = SourceFactory(text="They said it.")
    PositionFactory(source=source, quote="said it", anchored_text_sha256=source.text_sha256)
    source.title = "A better headline"
    with CaptureQueriesContext(connection) as captured:
        records.record_save(record=source, user=editor)
    table = Position._meta.db_table
    # Its positions' updated_at moves (they embed the title); their quote marks are not read.
    rechecks = [
        q
        for q in captured.captured_queries
        if f'UPDATE "{table}"' in q["sql"] and "quote_orphaned" in q["sql"]
    ]
    assert not rechecks


def test_a_topic_parent_loop_is_refused_with_the_path(client, superuser):
    from django.urls import reverse

    from positions.models import Topic
    from tests.factories import TopicFactory

    top = TopicFactory(name="Security")
    middle = TopicFactory(name="Guarantees", parent=top)
    TopicFactory(name="Troops", parent=middle)
    client.force_login(superuser)
    url = reverse("admin:positions_topic_change", args=[top.pk])
    data = {
        "name": "Security",
        "slug": top.slug,
        "proposition": top.proposition,
        "parent": Topic.objects.get(name="Troops").pk,
        "description": "",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "A topic cannot sit under its own sub-topic: Security → Troops → Guarantees" in page
    top.refresh_from_db()
    assert top.parent is None


def test_the_records_service_refuses_a_topic_parent_loop(superuser):
    from django.core.exceptions import ValidationError

    from tests.factories import TopicFactory

    first = TopicFactory(name="First")
    second = TopicFactory(name="Second", parent=first)
    first.parent = second
    with pytest.raises(ValidationError, match="First → Second → First"):
        records.record_save(record=first, user=superuser)
