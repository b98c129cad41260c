import datetime

import pytest

from positions.editorial.timeline import recompute_timeline, shift_between
from positions.models.choices import Shift, Stance, Status
from tests.factories import PartyFactory, PositionFactory, TopicFactory


@pytest.mark.parametrize(
    ("previous", "score", "expected"),
    [
        (None, Stance.OPEN, Shift.FIRST),
        (Stance.OPEN, Stance.OPEN, Shift.UNCHANGED),
        (Stance.OPEN, Stance.SUPPORTS, Shift.TOWARDS_SUPPORT),
        (Stance.SUPPORTS, Stance.AMBIGUOUS, Shift.TOWARDS_REJECTION),
        (Stance.AMBIGUOUS, Stance.OPPOSES, Shift.TOWARDS_REJECTION),
        (Stance.OPEN, Stance.OPPOSES, Shift.REVERSAL),
        (Stance.REJECTS, Stance.SUPPORTS, Shift.REVERSAL),
        (Stance.REJECTS, Stance.AMBIGUOUS, Shift.TOWARDS_SUPPORT),
    ],
)
def test_shift_follows_the_stance_score(previous, score, expected):
    assert shift_between(previous, score) == expected


@pytest.mark.django_db
def test_timeline_links_published_positions_in_date_order_with_their_shifts():
    party, topic = PartyFactory(), TopicFactory()

    def stated(day, stance, status=Status.PUBLISHED):
        return PositionFactory(
            party=party,
            topic=topic,
            stance=stance,
            status=status,
            stated_on=datetime.date(2025, 3, day),
        )

    # Created out of order on purpose: the timeline follows the statement date.
    third = stated(20, Stance.OPPOSES)
    first = stated(1, Stance.OPEN)
    second = stated(10, Stance.SUPPORTS)
    draft = stated(15, Stance.REJECTS, status=Status.DRAFT)
    other_party = PositionFactory(topic=topic, status=Status.PUBLISHED)

    recompute_timeline(party_id=party.id, topic_id=topic.id)

    for position in (first, second, third, draft, other_party):
        position.refresh_from_db()
    assert (first.previous, first.shift) == (None, Shift.FIRST)
    assert (second.previous, second.shift) == (first, Shift.TOWARDS_SUPPORT)
    assert (third.previous, third.shift) == (second, Shift.REVERSAL)
    assert (draft.previous, draft.shift) == (None, "")
    assert other_party.shift == ""  # another party's timeline is not touched


@pytest.mark.django_db
def test_timeline_relinks_when_a_position_leaves_it():
    party, topic = PartyFactory(), TopicFactory()
    first, second, third = (
        PositionFactory(
            party=party,
            topic=topic,
            stance=stance,
            status=Status.PUBLISHED,
            stated_on=datetime.date(2025, 1, day),
        )
        for day, stance in ((1, Stance.REJECTS), (2, Stance.OPEN), (3, Stance.OPEN))
    )
    recompute_timeline(party_id=party.id, topic_id=topic.id)

    second.status, second.retraction_reason = Status.RETRACTED, "Misattributed."
    second.save()
    recompute_timeline(party_id=party.id, topic_id=topic.id)

    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.previous, second.shift) == (None, "")
    assert (third.previous, third.shift) == (first, Shift.REVERSAL)


@pytest.mark.django_db
def test_same_day_positions_are_ordered_by_entry():
    party, topic = PartyFactory(), TopicFactory()
    morning = PositionFactory(party=party, topic=topic, stance=Stance.OPEN, status=Status.PUBLISHED)
    evening = PositionFactory(party=party, topic=topic, stance=Stance.OPEN, status=Status.PUBLISHED)
    recompute_timeline(party_id=party.id, topic_id=topic.id)
    evening.refresh_from_db()
    assert (evening.previous, evening.shift) == (morning, Shift.UNCHANGED)


@pytest.mark.django_db
def test_retracting_the_first_position_clears_its_shift_and_the_next_becomes_first(api, reviewer):
    from positions.editorial import services

    party, topic = PartyFactory(), TopicFactory()
    first, second = (
        PositionFactory(
            party=party,
            topic=topic,
            stance=stance,
            status=Status.PUBLISHED,
            stated_on=datetime.date(2025, 1, day),
        )
        for day, stance in ((1, Stance.REJECTS), (2, Stance.OPEN))
    )
    recompute_timeline(party_id=party.id, topic_id=topic.id)
    services.position_retract(position=first, user=reviewer, reason="Misattributed.")

    def shown(position):
        data = api.get(f"/api/v1/positions/{position.pk}/").json()
        return data["status"], data["shift"], data["previous"]

    # A retracted position is on no timeline: no shift, no previous position.
    assert shown(first) == ("retracted", None, None)
    assert shown(second) == ("published", "first", None)


@pytest.mark.django_db
def test_every_pair_of_stances_gives_the_shift_the_readme_defines():
    from tests.definitions import SHIFT_TABLE

    assert len(SHIFT_TABLE) == 25
    for (before, after), expected in SHIFT_TABLE.items():
        assert shift_between(before, after) == expected, (before, after)
