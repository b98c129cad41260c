"""Property tests of the write services: any text, any date, any number.

Each call either succeeds and stores exactly what was given, or refuses with a
ValidationError / PermissionDenied / VersionConflict and writes nothing (rows and history
counted before and after). Any other exception is a bug: behind a view it is a 500.
"""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from positions.editorial import services
from positions.models import Position
from positions.models.choices import DatePrecision, Move, Stance, Status
from tests.factories import PartyFactory, PositionFactory, SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db

REFUSALS = (ValidationError, PermissionDenied, services.VersionConflict)
EXAMPLES = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Characters that have broken trackers like this one: NUL (PostgreSQL refuses it), lone
# surrogates (not encodable as UTF-8), bidirectional overrides, combining marks, emoji.
AWKWARD = st.sampled_from(["\x00", "\ud800", "\udfff", "\u202e", "\u0301", "\ufeff", "🕊", "\n"])
CHARACTERS = st.one_of(st.characters(), AWKWARD)
TEXT = st.one_of(
    st.text(CHARACTERS, max_size=60),
    # Around and far beyond the columns' limits (summary 500, history reason 100).
    st.builds(
        lambda c, n: c * n,
        st.sampled_from(["x", "é", "\x00"]),
        st.sampled_from([99, 500, 501, 1_000_000]),
    ),
)
DATES = st.one_of(
    st.dates(),
    st.sampled_from(["2025-02-30", "0000-01-01", "2025-13-01", "9999-12-31", "", "yesterday"]),
    st.text(max_size=12),
)
STANCES = st.one_of(st.sampled_from(Stance.values), st.integers(-1000, 1000), st.text(max_size=4))
MOVES = st.one_of(st.sampled_from(Move.values), st.text(max_size=10))
PRECISIONS = st.one_of(st.sampled_from(DatePrecision.values), st.text(max_size=6))
VERSIONS = st.one_of(st.none(), st.integers(-(2**63), 2**63))


def footprint() -> tuple[int, int, list]:
    return (
        Position.objects.count(),
        Position.history.count(),
        list(Position.objects.order_by("pk").values()),
    )


def attempt(call, **arguments):
    """Run the service: its result, or None when it refused, having checked that a refusal
    changed nothing. Any other exception fails the test."""
    before = footprint()
    try:
        return call(**arguments)
    except REFUSALS:
        assert footprint() == before
        return None


def as_date(value) -> datetime.date:
    """A date as a form field reads it: a date, or text in ISO form."""
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        year, month, day = value.split("-")
        return datetime.date(int(year), int(month), int(day))


# What an accepted edit of each field must have stored, from the value given.
STORED = {
    "summary": lambda value: value if isinstance(value, str) else str(value),
    "quote": lambda value: value if isinstance(value, str) else str(value),
    "conditions": lambda value: value if isinstance(value, str) else str(value),
    "stated_on": as_date,
    "stance": int,
    "move": lambda value: value,
}


@pytest.fixture
def cast():
    return {"party": PartyFactory(), "topic": TopicFactory(), "source": SourceFactory(text="")}


def test_creating_a_position_from_any_input_succeeds_or_refuses_cleanly(editor, cast):
    @EXAMPLES
    @given(
        summary=TEXT,
        quote=TEXT,
        conditions=TEXT,
        stated_on=DATES,
        stance=STANCES,
        move=MOVES,
        precision=PRECISIONS,
        verdict=st.none(),
    )
    # Always tried, whatever else is drawn, with the answer each must get: the inputs that
    # once reached the database, and ordinary ones that must be stored.
    @example("a\x00b", "q", "", "2025-03-16", -2, "demand", "day", "refused")
    @example("s", "lone \ud800 surrogate", "", "2025-03-16", -2, "demand", "day", "refused")
    @example("s", "q", "x" * 1_000_000, "2025-02-30", 99, "nonsense", "century", "refused")
    @example("s", "q", "", "2025-02-29", -2, "demand", "day", "refused")
    @example("Rejects it.", "Never.", "", "2025-03-16", -2, "demand", "day", "stored")
    @example(
        "s",
        "q",
        "Only after a ceasefire.",
        datetime.date(2024, 2, 29),
        1,
        "proposal",
        "month",
        "stored",
    )
    @example("é \u202e 🕊", "\n", "", "2025-03-16", "0", "demand", "year", "stored")
    def create(summary, quote, conditions, stated_on, stance, move, precision, verdict):
        created = attempt(
            services.position_create,
            user=editor,
            summary=summary,
            quote=quote,
            conditions=conditions,
            stated_on=stated_on,
            stance=stance,
            move=move,
            stated_on_precision=precision,
            **cast,
        )
        assert verdict != "refused" or created is None
        assert verdict != "stored" or created is not None
        if created is not None:
            stored = Position.objects.get(pk=created.pk)
            assert (stored.summary, stored.quote, stored.conditions) == (summary, quote, conditions)
            assert (stored.stated_on, stored.stance) == (as_date(stated_on), int(stance))
            assert (stored.move, stored.stated_on_precision) == (move, precision)
            assert (stored.status, stored.version, stored.created_by) == ("draft", 1, editor)

    create()


def test_editing_a_draft_with_any_input_succeeds_or_refuses_cleanly(editor, cast):
    draft = PositionFactory(status=Status.DRAFT, **cast)

    @EXAMPLES
    @given(
        field=st.sampled_from(["summary", "quote", "conditions", "stated_on", "stance", "move"]),
        value=st.one_of(TEXT, DATES, STANCES),
        expected_version=VERSIONS,
        extra=st.dictionaries(st.text(max_size=8), TEXT, max_size=1),
        verdict=st.none(),
    )
    @example("summary", "A new summary.", None, {}, "stored")
    @example("stated_on", "2024-02-29", None, {}, "stored")
    @example("stance", -1, None, {}, "stored")
    @example("move", "proposal", None, {}, "stored")
    @example("summary", "a\x00b", None, {}, "refused")
    @example("stance", 3, None, {}, "refused")
    @example("summary", "s", None, {"status": "published"}, "refused")
    @example("summary", "s", -1, {}, "refused")  # a version it never had
    def edit(field, value, expected_version, extra, verdict):
        current = Position.objects.get(pk=draft.pk)
        changes = {field: value, **extra}
        updated = attempt(
            services.position_update,
            position=current,
            user=editor,
            changes=changes,
            expected_version=expected_version,
        )
        assert verdict != "refused" or updated is None
        assert verdict != "stored" or updated is not None
        if updated is not None:
            stored = Position.objects.get(pk=draft.pk)
            for name, given in changes.items():
                assert getattr(stored, name) == STORED[name](given), name
            assert stored.version == current.version + 1
            assert stored.status == Status.DRAFT

    edit()


def test_every_field_edited_at_once_is_recorded_in_history(editor, cast):
    # The history's reason lists every changed field; it must fit wherever it is stored.
    draft = PositionFactory(status=Status.DRAFT, **cast)
    changes = {
        "party": PartyFactory(),
        "topic": TopicFactory(),
        "speaker": None,
        "role": None,
        "source": SourceFactory(text=""),
        "stated_on": datetime.date(2024, 1, 2),
        "stated_on_precision": DatePrecision.MONTH,
        "stance": Stance.REJECTS,
        "move": Move.RED_LINE,
        "conditions": "Only after a ceasefire.",
        "summary": "Rejects it outright.",
        "quote": "Never.",
    }
    updated = services.position_update(
        position=draft, user=editor, changes=changes, expected_version=draft.version
    )
    assert updated.history.first().history_change_reason.startswith("Edited: ")


def test_workflow_notes_of_any_text_succeed_or_refuse_cleanly(editor, reviewer, cast):
    @EXAMPLES
    @given(note=TEXT, step=st.sampled_from(["send_back", "retract", "correct"]))
    def step_with(note, step):
        if step == "send_back":
            position = PositionFactory(status=Status.IN_REVIEW, **cast)
            done = attempt(
                services.position_send_back, position=position, user=reviewer, comment=note
            )
            if done is not None:
                assert Position.objects.get(pk=position.pk).review_comment == note.strip()
        elif step == "retract":
            position = PositionFactory(status=Status.PUBLISHED, **cast)
            done = attempt(services.position_retract, position=position, user=reviewer, reason=note)
            if done is not None:
                assert Position.objects.get(pk=position.pk).retraction_reason == note.strip()
        else:
            position = PositionFactory(status=Status.PUBLISHED, **cast)
            done = attempt(
                services.position_correct,
                position=position,
                user=reviewer,
                changes={"summary": "Corrected summary."},
                note=note,
                expected_version=position.version,
            )
            if done is not None:
                reason = done.history.first().history_change_reason
                assert reason == f"Corrected: {note.strip()}"  # the whole public note is kept

    step_with()


def test_an_editor_cannot_publish_whatever_the_input(editor, cast):
    @EXAMPLES
    @given(expected_version=VERSIONS)
    def publish(expected_version):
        position = PositionFactory(status=Status.IN_REVIEW, **cast)
        with pytest.raises(PermissionDenied):
            services.position_publish(
                position=position, user=editor, expected_version=expected_version
            )
        assert Position.objects.get(pk=position.pk).status == Status.IN_REVIEW

    publish()
