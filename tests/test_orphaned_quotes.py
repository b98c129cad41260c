"""Orphaned quotes: the source text changed after the quote was anchored in it.

Each position carries the answer (``quote_orphaned``), kept by the services that save a
position or a source, so that the desk counts and lists orphaned quotes without comparing
every position with its source.
"""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from positions.editorial import records, services
from positions.models import Position, Source, text_sha256
from positions.models.choices import Stance
from tests.desk import form_errors, page_form_data
from tests.factories import SourceFactory
from tests.test_services import TEXT, draft_fields

pytestmark = pytest.mark.django_db

QUOTE = "We will never accept it."


def draft(editor, source):
    return services.position_create(user=editor, **(draft_fields() | {"source": source}))


def edit_text(editor, source, text):
    source.text = text
    records.record_save(record=source, user=editor)


def orphaned(position) -> bool:
    return Position.objects.get(pk=position.pk).quote_orphaned


def test_a_new_quote_anchored_in_its_source_is_not_orphaned(editor):
    assert not orphaned(draft(editor, SourceFactory(text=TEXT)))


def test_editing_a_source_text_orphans_the_quotes_anchored_in_it_and_no_others(editor):
    source, other = SourceFactory(text=TEXT), SourceFactory(text=TEXT)
    position, elsewhere = draft(editor, source), draft(editor, other)
    edit_text(editor, source, "Breaking: " + TEXT)
    assert orphaned(position)
    assert not orphaned(elsewhere)


def test_editing_a_source_without_touching_its_text_orphans_nothing(editor):
    source = SourceFactory(text=TEXT)
    position = draft(editor, source)
    source.title = "A better headline"
    records.record_save(record=source, user=editor)
    assert not orphaned(position)


def test_restoring_the_anchored_text_ends_the_orphaning(editor):
    source = SourceFactory(text=TEXT)
    position = draft(editor, source)
    edit_text(editor, source, "Breaking: " + TEXT)
    edit_text(editor, source, TEXT)
    assert not orphaned(position)


def test_removing_the_text_leaves_nothing_to_anchor_in(editor):
    source = SourceFactory(text=TEXT)
    position = draft(editor, source)
    edit_text(editor, source, "Breaking: " + TEXT)
    edit_text(editor, source, "")
    assert not orphaned(position)


def test_text_added_to_a_source_orphans_the_quotes_never_checked_against_it(editor):
    source = SourceFactory(text="")
    position = draft(editor, source)
    assert not orphaned(position)
    source.text = TEXT
    records.record_save(record=source, user=editor)
    assert orphaned(position)


def test_reanchoring_ends_the_orphaning(editor):
    source = SourceFactory(text=TEXT)
    position = draft(editor, source)
    edit_text(editor, source, "Breaking: " + TEXT)
    services.position_reanchor(position=Position.objects.get(pk=position.pk), user=editor)
    assert not orphaned(position)


def test_an_orphaned_quote_moved_to_a_source_that_has_it_is_no_longer_orphaned(editor):
    source = SourceFactory(text=TEXT)
    position = draft(editor, source)
    edit_text(editor, source, "Breaking: it was all denied.")
    assert orphaned(position)
    position.refresh_from_db()
    services.position_update(
        position=position,
        user=editor,
        changes={"source": SourceFactory(text="Quoted again: " + TEXT)},
        expected_version=position.version,
    )
    assert not orphaned(position)


def test_a_source_saved_from_an_older_copy_leaves_the_marks_of_the_text_it_wrote(editor):
    source = SourceFactory(text=TEXT)
    position = draft(editor, source)
    older_copy = Source.objects.get(pk=source.pk)
    edit_text(editor, source, "Breaking: " + TEXT)
    assert orphaned(position)
    # The older copy writes the text it was read with back, with a new title.
    older_copy.title = "A better headline"
    records.record_save(record=older_copy, user=editor)
    assert not orphaned(position)


def test_a_source_text_edited_on_the_desk_flags_the_quotes_it_orphaned(client, editor):
    source = SourceFactory(text=TEXT)
    position, elsewhere = draft(editor, source), draft(editor, SourceFactory(text=TEXT))
    client.force_login(editor)
    url = reverse("admin:positions_source_change", args=[source.pk])
    data = page_form_data(client.get(url)) | {"text": "Breaking: it was all denied."}
    response = client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    assert orphaned(position)
    assert not orphaned(elsewhere)
    listed = client.get(reverse("admin:positions_position_changelist"), {"quote": "orphaned"})
    assert [p.pk for p in listed.context["cl"].result_list] == [position.pk]


def test_a_source_saved_on_its_own_rewrites_no_position(editor):
    source = SourceFactory(text=TEXT)
    position = draft(editor, source)
    source.text = "Breaking: " + TEXT
    with CaptureQueriesContext(connection) as captured:
        source.save()
    assert [q["sql"].split()[0] for q in captured.captured_queries].count("UPDATE") == 1
    assert Position._meta.db_table not in " ".join(q["sql"] for q in captured.captured_queries)
    assert not orphaned(position), "re-checking the quotes is the service's job"


def test_saving_no_fields_writes_nothing(editor):
    position = draft(editor, SourceFactory(text=TEXT))
    revisions = position.history.count()
    position.save(update_fields=[])
    assert position.history.count() == revisions


def test_the_rebuild_command_corrects_marks_written_behind_the_record(editor):
    source, other = SourceFactory(text=TEXT), SourceFactory(text=TEXT)
    stale, wrongly_marked = draft(editor, source), draft(editor, other)
    # Written with SQL, as a bulk load would: no save() keeps the marks.
    Source.objects.filter(pk=source.pk).update(text="Breaking: " + TEXT, text_sha256="changed")
    Position.objects.filter(pk=wrongly_marked.pk).update(quote_orphaned=True)
    out = StringIO()
    call_command("rebuild_stance_cells", stdout=out)
    assert "2 orphaned-quote marks corrected." in out.getvalue()
    assert orphaned(stale) and not orphaned(wrongly_marked)


def test_the_desk_counts_and_lists_orphaned_quotes_without_joining_sources(
    client, editor, superuser
):
    source = SourceFactory(text=TEXT)
    kept, left = draft(editor, source), draft(editor, SourceFactory(text=TEXT))
    edit_text(editor, source, "Breaking: " + TEXT)
    client.force_login(superuser)
    url = reverse("admin:positions_position_changelist")
    with CaptureQueriesContext(connection) as captured:
        page = client.get(url).content.decode()
    assert "Orphaned quotes (1)" in page
    counts = [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"]]
    assert counts and all("JOIN" not in sql for sql in counts), counts
    listed = client.get(url, {"quote": "orphaned"}).context["cl"].result_list
    assert [p.pk for p in listed] == [kept.pk]
    anchored = client.get(url, {"quote": "anchored"}).context["cl"].result_list
    assert [p.pk for p in anchored] == [left.pk]


def test_the_desk_reanchors_the_selected_orphaned_quotes(client, editor):
    source = SourceFactory(text=TEXT)
    position = draft(editor, source)
    edit_text(editor, source, "Breaking: " + TEXT)
    client.force_login(editor)
    response = client.post(
        reverse("admin:positions_position_changelist"),
        {"action": "reanchor_selected", "_selected_action": [position.pk]},
        follow=True,
    )
    assert "Re-anchored 1 quote(s)." in response.content.decode()
    assert not orphaned(position)


@pytest.mark.django_db(transaction=True)
def test_the_migration_flags_the_quotes_orphaned_before_it():
    executor = MigrationExecutor(connection)
    before = [("positions", "0011_stance_cell_count_indexes")]
    after = [("positions", "0012_orphaned_quote_flag")]
    executor.migrate(before)
    apps = executor.loader.project_state(before).apps
    party = apps.get_model("positions", "Party").objects.create(name="P", short_name="P", slug="p")
    topic = apps.get_model("positions", "Topic").objects.create(
        name="T", slug="t", proposition="T is agreed."
    )
    sources = apps.get_model("positions", "Source").objects
    edited = sources.create(title="Edited", text=TEXT, text_sha256=text_sha256(TEXT))
    unchanged = sources.create(title="Unchanged", text=TEXT, text_sha256=text_sha256(TEXT))
    without_text = sources.create(title="No text")
    positions = apps.get_model("positions", "Position").objects
    common = {
        "party": party,
        "topic": topic,
        "stated_on": datetime.date(2025, 3, 16),
        "stance": Stance.REJECTS,
        "summary": "Rejects it.",
        "quote": QUOTE,
    }
    stale = positions.create(source=edited, anchored_text_sha256=text_sha256("older"), **common)
    fresh = positions.create(source=unchanged, anchored_text_sha256=text_sha256(TEXT), **common)
    unchecked = positions.create(source=without_text, **common)

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    flagged = set(
        executor.loader.project_state(after)
        .apps.get_model("positions", "Position")
        .objects.filter(pk__in=[stale.pk, fresh.pk, unchecked.pk])
        .values_list("pk", "quote_orphaned")
    )
    # The rest of the suite runs on the latest schema.
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert flagged == {(stale.pk, True), (fresh.pk, False), (unchecked.pk, False)}
