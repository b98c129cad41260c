"""Positions on the desk: forms that keep input, quote checks, conflicts, the workflow."""

import pytest
from django.urls import reverse

from positions.editorial import records, services
from positions.models import Position
from positions.models.choices import Stance, Status
from tests.desk import change_url, form_errors, page_form_data, position_form_data, step_url
from tests.factories import PartyFactory, PositionFactory, SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "The minister said: “We will never accept foreign troops on our soil.” "
    "He added that talks may continue."
)


@pytest.fixture
def source():
    return SourceFactory(text=TEXT)


def new_position_data(source, **overrides):
    data = {
        "source": source.pk,
        "quote": '"We will never accept foreign troops on our soil."',
        "party": PartyFactory().pk,
        "topic": TopicFactory().pk,
        "stated_on": "2025-03-16",
        "stated_on_precision": "day",
        "stance": Stance.REJECTS,
        "move": "red_line",
        "summary": "Rejects foreign troops.",
        "conditions": "",
        "speaker": "",
        "role": "",
        "expected_version": "",
    }
    return data | overrides


def test_editor_adds_a_draft_whose_quote_is_anchored_despite_typography(client, editor, source):
    client.force_login(editor)
    response = client.post(reverse("admin:positions_position_add"), new_position_data(source))
    assert response.status_code == 302, form_errors(response)
    position = Position.objects.get()
    assert position.status == Status.DRAFT
    exact = TEXT[position.quote_start : position.quote_end]
    assert exact == "“We will never accept foreign troops on our soil.”"
    assert position.anchored_text_sha256 == source.text_sha256
    assert position.created_by == editor
    assert position.history.get().history_user == editor


def test_mistyped_quote_is_refused_with_the_near_miss_and_input_kept(client, editor, source):
    client.force_login(editor)
    typed = "We will never accept foreign soldiers on our soil"
    data = new_position_data(source, quote=typed, summary="My careful summary.")
    response = client.post(reverse("admin:positions_position_add"), data)
    assert response.status_code == 200
    errors = form_errors(response)
    assert "does not occur in the source text" in errors
    assert "Did you mean: “We will never accept foreign troops on our soil.”?" in errors
    page = response.content.decode()
    assert typed in page and "My careful summary." in page
    assert not Position.objects.exists()


def test_missing_required_fields_keep_what_was_typed(client, editor, source):
    client.force_login(editor)
    data = new_position_data(source, summary="", party="")
    response = client.post(reverse("admin:positions_position_add"), data)
    assert response.status_code == 200
    assert "This field is required." in form_errors(response)
    assert "We will never accept foreign troops on our soil." in response.content.decode()


def test_stale_save_shows_what_changed_keeps_input_and_a_second_save_applies_it(
    client, editor, reviewer, source
):
    position = services.position_create(user=editor, **_fields(source))
    loaded = Position.objects.get(pk=position.pk)  # the first editor opens the form
    services.position_update(  # the reviewer saves meanwhile
        position=position,
        user=reviewer,
        changes={"summary": "Wording by the reviewer."},
        expected_version=position.version,
    )
    client.force_login(editor)
    data = position_form_data(loaded, summary="Wording by the editor.", stance=Stance.OPPOSES)
    response = client.post(change_url(position), data)
    assert response.status_code == 200
    errors = form_errors(response)
    assert "Someone else saved this position" in errors
    assert "Summary: “Rejects it.” → “Wording by the reviewer.”" in errors
    assert "Wording by the editor." in response.content.decode()
    position.refresh_from_db()
    assert position.summary == "Wording by the reviewer." and position.stance == Stance.REJECTS

    # Having seen their change, the editor saves again on purpose.
    form = response.context["adminform"].form
    again = dict(data, expected_version=form.data["expected_version"])
    response = client.post(change_url(position), again)
    assert response.status_code == 302, form_errors(response)
    position.refresh_from_db()
    assert position.summary == "Wording by the editor." and position.stance == Stance.OPPOSES


def _fields(source):
    return {
        "party": PartyFactory(),
        "topic": TopicFactory(),
        "source": source,
        "stated_on": "2025-03-16",
        "stance": Stance.REJECTS,
        "summary": "Rejects it.",
        "quote": "We will never accept foreign troops on our soil.",
    }


def test_full_workflow_through_the_desk_buttons(client, editor, reviewer, source):
    client.force_login(editor)
    client.post(reverse("admin:positions_position_add"), new_position_data(source))
    position = Position.objects.get()
    page = client.get(change_url(position)).content.decode()
    assert step_url(position, "submit") in page and step_url(position, "publish") not in page
    response = client.post(step_url(position, "submit"), {"expected_version": position.version})
    assert response.status_code == 302

    client.force_login(reviewer)
    position.refresh_from_db()
    response = client.post(
        step_url(position, "send_back"), {"expected_version": position.version, "text": ""}
    )
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    client.post(
        step_url(position, "send_back"),
        {"expected_version": position.version, "text": "Add the speaker."},
    )
    position.refresh_from_db()
    assert position.status == Status.DRAFT and position.review_comment == "Add the speaker."
    client.force_login(editor)
    assert (
        "Sent back by a reviewer: Add the speaker."
        in client.get(change_url(position)).content.decode()
    )
    client.post(step_url(position, "submit"), {"expected_version": position.version})
    client.force_login(reviewer)
    position.refresh_from_db()
    client.post(step_url(position, "publish"), {"expected_version": position.version})
    position.refresh_from_db()
    assert position.status == Status.PUBLISHED
    client.post(
        step_url(position, "retract"),
        {"expected_version": position.version, "text": "Misattributed."},
    )
    position.refresh_from_db()
    assert position.status == Status.RETRACTED and position.retraction_reason == "Misattributed."
    reasons = list(
        position.history.order_by("history_id").values_list("history_change_reason", flat=True)
    )
    assert reasons == [
        "Created",
        "Submitted for review",
        "Sent back: Add the speaker.",
        "Submitted for review",
        "Published",
        "Retracted: Misattributed.",
    ]


def test_workflow_step_on_a_stale_page_is_refused(client, reviewer):
    position = PositionFactory(status=Status.IN_REVIEW)
    client.force_login(reviewer)
    response = client.post(
        step_url(position, "publish"), {"expected_version": position.version - 1 + 5}
    )
    assert response.status_code == 200
    assert "changed by someone else" in response.content.decode()
    position.refresh_from_db()
    assert position.status == Status.IN_REVIEW


def test_bulk_actions_report_what_was_refused(client, reviewer):
    ready = PositionFactory(status=Status.IN_REVIEW)
    draft = PositionFactory(status=Status.DRAFT)
    client.force_login(reviewer)
    response = client.post(
        reverse("admin:positions_position_changelist"),
        {
            "action": "publish_selected",
            "_selected_action": [ready.pk, draft.pk],
            f"seen-version-{ready.pk}": "1",
            f"seen-version-{draft.pk}": "1",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Publish: done for 1 position(s)." in page
    assert "Cannot publish a position that is draft." in page
    ready.refresh_from_db()
    draft.refresh_from_db()
    assert (ready.status, draft.status) == (Status.PUBLISHED, Status.DRAFT)


def test_reviewer_corrects_a_published_position_only_with_a_note(client, reviewer):
    position = PositionFactory(status=Status.PUBLISHED, summary="Old summary.")
    client.force_login(reviewer)
    data = position_form_data(position, summary="Fixed summary.")
    response = client.post(change_url(position), data)
    assert response.status_code == 200
    assert "Say what was corrected and why." in form_errors(response)
    response = client.post(change_url(position), data | {"correction_note": "Typo in summary."})
    assert response.status_code == 302, form_errors(response)
    position.refresh_from_db()
    assert position.summary == "Fixed summary." and position.status == Status.PUBLISHED
    assert position.history.first().history_change_reason == "Corrected: Typo in summary."


def test_orphaned_quotes_are_listed_and_resaving_reanchors(client, editor, source):
    position = services.position_create(user=editor, **_fields(source))
    source.text = "Preamble added later. " + TEXT
    records.record_save(record=source, user=editor)
    client.force_login(editor)
    listing = client.get(reverse("admin:positions_position_changelist") + "?quote=orphaned")
    assert position.summary in listing.content.decode()
    assert "Orphaned quotes (1)" in listing.content.decode()
    response = client.post(change_url(position), position_form_data(position))
    assert response.status_code == 302, form_errors(response)
    position.refresh_from_db()
    assert position.anchored_text_sha256 == source.text_sha256
    assert source.text[position.quote_start : position.quote_end].startswith("We will never")
    listing = client.get(reverse("admin:positions_position_changelist") + "?quote=orphaned")
    assert position.summary not in listing.content.decode()


def test_position_list_runs_a_constant_number_of_queries(
    client, editor, django_assert_max_num_queries
):
    for _ in range(40):
        PositionFactory(speaker=None)
    client.force_login(editor)
    url = reverse("admin:positions_position_changelist")
    with django_assert_max_num_queries(14):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count('class="badge stance-') >= 40


def test_stance_and_status_are_shown_as_readable_badges(client, editor):
    PositionFactory(stance=Stance.OPEN, status=Status.IN_REVIEW)
    client.force_login(editor)
    page = client.get(reverse("admin:positions_position_changelist")).content.decode()
    assert '<span class="badge stance-1">open</span>' in page
    assert '<span class="badge status-in_review">In review</span>' in page


def test_search_finds_positions_by_quote_and_speaker_name(client, editor, seeded):
    client.force_login(editor)
    url = reverse("admin:positions_position_changelist")
    page = client.get(url, {"q": "entirely incompatible"}).content.decode()
    assert "NATO&#x27;s involvement in peacekeeping" in page or "NATO's involvement" in page
    response = client.get(url, {"q": "Grushko"})
    assert response.context["cl"].result_count == 9


def test_publishing_an_orphaned_quote_from_the_desk_is_refused_with_the_reason(
    client, editor, reviewer, source
):
    position = services.position_create(user=editor, **_fields(source))
    services.position_submit(position=position, user=editor)
    source.text = "The minister changed his words entirely."
    source.save()
    client.force_login(reviewer)
    position.refresh_from_db()
    response = client.post(step_url(position, "publish"), {"expected_version": position.version})
    assert response.status_code == 200
    assert "Re-anchor the quote before publishing" in response.content.decode()
    position.refresh_from_db()
    assert position.status == Status.IN_REVIEW


def test_a_save_without_the_loaded_version_is_refused(client, editor):
    position = PositionFactory(summary="As loaded.")
    client.force_login(editor)
    data = position_form_data(position, summary="Blind overwrite.")
    del data["expected_version"]
    response = client.post(change_url(position), data)
    assert response.status_code == 200
    position.refresh_from_db()
    assert position.summary == "As loaded."


def test_reanchor_action_fixes_quotes_still_in_the_text_and_reports_the_rest(client, reviewer):
    source = SourceFactory(text="Alpha said: one. Beta said: two.")
    # In review: a source published positions quote is re-anchored as its text is corrected.
    kept = PositionFactory(source=source, quote="one.", status=Status.IN_REVIEW)
    lost = PositionFactory(source=source, quote="two.", status=Status.IN_REVIEW)
    for position in (kept, lost):
        services.anchor_quote(position)
        position.save()
    source.text = "Update: Alpha said: one. Beta said nothing."
    records.record_save(record=source, user=reviewer)
    client.force_login(reviewer)
    response = client.post(
        reverse("admin:positions_position_changelist"),
        {"action": "reanchor_selected", "_selected_action": [kept.pk, lost.pk]},
        follow=True,
    )
    page = response.content.decode()
    assert "Re-anchored 1 quote(s)." in page
    assert "Not re-anchored:" in page and "does not occur in the source text" in page
    kept.refresh_from_db()
    lost.refresh_from_db()
    assert not kept.needs_anchoring and kept.status == Status.IN_REVIEW
    assert kept.history.first().history_change_reason.startswith("Quote re-anchored")
    assert lost.needs_anchoring


def test_view_on_site_is_offered_only_for_public_positions(client, editor):
    draft = PositionFactory(status=Status.DRAFT)
    published = PositionFactory(status=Status.PUBLISHED)
    client.force_login(editor)
    assert "View on site" not in client.get(change_url(draft)).content.decode()
    assert "View on site" in client.get(change_url(published)).content.decode()


def test_saving_again_after_a_conflict_applies_only_what_the_second_editor_changed(
    client, editor, reviewer
):
    position = PositionFactory(status=Status.DRAFT, summary="First wording.", stance=Stance.OPEN)
    loaded = position_form_data(position)  # the second editor opens the form at version 1
    services.position_update(
        position=position,
        user=reviewer,
        changes={"summary": "Reviewer's wording."},
        expected_version=1,
    )
    client.force_login(editor)
    typed = loaded | {"stance": str(Stance.SUPPORTS), "loaded_version": "1"}
    response = client.post(change_url(position), typed)
    assert response.status_code == 200
    assert "Saving again applies only the fields you changed" in form_errors(response)
    again = page_form_data(response)
    assert again["expected_version"] == "2" and again["loaded_version"] == "1"
    assert again["summary"] == "First wording."  # what the editor had on screen is kept
    response = client.post(change_url(position), again)
    assert response.status_code == 302
    position.refresh_from_db()
    assert (position.summary, position.stance, position.version) == (
        "Reviewer's wording.",
        Stance.SUPPORTS,
        3,
    )
