"""Every state change is one transaction: a failure at its last step leaves nothing behind."""

import pytest
from simple_history.signals import post_create_historical_record

from positions.editorial import services
from positions.models import Position
from positions.models.choices import Stance, Status
from tests.factories import PartyFactory, PositionFactory, SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db


class InjectedFailure(Exception):
    pass


def snapshot():
    return (
        list(Position.objects.order_by("id").values()),
        Position.history.count(),
    )


def existing(status, **fields):
    return PositionFactory(status=status, **fields)


def new_draft_fields():
    return {
        "party": PartyFactory(),
        "topic": TopicFactory(),
        "source": SourceFactory(),
        "stated_on": "2025-03-16",
        "stance": Stance.REJECTS,
        "summary": "Rejects it.",
        "quote": "We will never accept it.",
    }


def prepare(change, user):
    """Set up the position ``change`` needs, and return the call that makes the change."""
    if change == "create":
        fields = new_draft_fields()
        return lambda: services.position_create(user=user, **fields)
    status = {
        "update": Status.DRAFT,
        "submit": Status.DRAFT,
        "delete": Status.DRAFT,
        "send_back": Status.IN_REVIEW,
        "publish": Status.IN_REVIEW,
        "correct": Status.PUBLISHED,
        "retract": Status.PUBLISHED,
    }[change]
    p = existing(status)
    calls = {
        "update": lambda: services.position_update(
            position=p, user=user, changes={"summary": "Changed."}, expected_version=p.version
        ),
        "correct": lambda: services.position_correct(
            position=p,
            user=user,
            changes={"stance": Stance.OPPOSES},
            note="Stance misread.",
            expected_version=p.version,
        ),
        "submit": lambda: services.position_submit(position=p, user=user),
        "send_back": lambda: services.position_send_back(position=p, user=user, comment="Why?"),
        "publish": lambda: services.position_publish(position=p, user=user),
        "retract": lambda: services.position_retract(position=p, user=user, reason="Misquoted."),
        "delete": lambda: services.position_delete(position=p, user=user),
    }
    return calls[change]


CHANGES = ["create", "update", "correct", "submit", "send_back", "publish", "retract", "delete"]


def fail_history(**kwargs):
    raise InjectedFailure("history storage failed")


@pytest.mark.parametrize("change", CHANGES)
def test_a_failure_after_the_row_is_written_rolls_the_whole_change_back(reviewer, change):
    call = prepare(change, reviewer)
    before = snapshot()
    post_create_historical_record.connect(fail_history, dispatch_uid="inject-failure")
    try:
        with pytest.raises(InjectedFailure):
            call()
    finally:
        post_create_historical_record.disconnect(dispatch_uid="inject-failure")
    assert snapshot() == before


@pytest.mark.parametrize("change", ["publish", "retract", "correct"])
def test_a_failure_while_recomputing_the_timeline_leaves_the_position_as_it_was(
    reviewer, monkeypatch, change
):
    # An earlier published position on the same timeline, so there is something to relink.
    party, topic = PartyFactory(), TopicFactory()
    PositionFactory(status=Status.PUBLISHED, party=party, topic=topic, stated_on="2025-01-01")
    call = {
        "publish": lambda p: services.position_publish(position=p, user=reviewer),
        "retract": lambda p: services.position_retract(position=p, user=reviewer, reason="No."),
        "correct": lambda p: services.position_correct(
            position=p,
            user=reviewer,
            changes={"stance": Stance.OPPOSES},
            note="Misread.",
            expected_version=p.version,
        ),
    }[change]
    status = Status.IN_REVIEW if change == "publish" else Status.PUBLISHED
    position = PositionFactory(status=status, party=party, topic=topic)

    def fail(**kwargs):
        raise InjectedFailure("timeline recompute failed")

    monkeypatch.setattr(services, "recompute_timeline", fail)
    before = snapshot()
    with pytest.raises(InjectedFailure):
        call(position)
    assert snapshot() == before
    position.refresh_from_db()
    assert position.status == status
