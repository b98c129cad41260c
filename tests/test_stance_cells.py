"""The parties × topics stance cells follow the record through every service that writes it."""

import datetime
import random

import pytest

from positions.editorial import services
from positions.editorial.stance_cells import rebuild_cells
from positions.models import Position, StanceCell
from positions.models.choices import Move, Stance, Status
from tests.factories import PartyFactory, PositionFactory, SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db


def cell_columns(*names: str) -> dict[tuple[int, int], tuple]:
    return {
        (c.party_id, c.topic_id): tuple(getattr(c, name) for name in names)
        for c in StanceCell.objects.all()
    }


def cells() -> dict[tuple[int, int], tuple]:
    return cell_columns("latest_id", "latest_stated_on", "published_count", "public_count")


def copies() -> dict[tuple[int, int], tuple]:
    """What each cell copies of its latest published position."""
    return cell_columns(
        "latest_stance", "latest_stated_on_precision", "latest_move", "latest_summary"
    )


def stated(day: int, **fields) -> Position:
    return PositionFactory(stated_on=datetime.date(2025, 3, day), **fields)


def test_a_draft_makes_no_cell_and_publishing_it_does(editor, reviewer):
    party, topic = PartyFactory(), TopicFactory()
    draft = stated(10, party=party, topic=topic)
    assert cells() == {}

    services.position_submit(position=draft, user=editor)
    published = services.position_publish(position=draft, user=reviewer)

    assert cells() == {(party.id, topic.id): (published.id, published.stated_on, 1, 1)}


def test_a_retraction_keeps_the_cell_public_and_falls_back_to_the_earlier_stance(reviewer):
    party, topic = PartyFactory(), TopicFactory()
    earlier = stated(1, party=party, topic=topic, status=Status.PUBLISHED)
    later = stated(20, party=party, topic=topic, status=Status.PUBLISHED)
    assert cells()[(party.id, topic.id)] == (later.id, later.stated_on, 2, 2)

    services.position_retract(position=later, user=reviewer, reason="Misattributed.")

    assert cells()[(party.id, topic.id)] == (earlier.id, earlier.stated_on, 1, 2)


def test_a_cell_whose_every_position_is_retracted_has_no_latest_stance(reviewer):
    only = stated(5, status=Status.PUBLISHED)

    services.position_retract(position=only, user=reviewer, reason="Misattributed.")

    assert cells() == {(only.party_id, only.topic_id): (None, None, 0, 1)}


def test_a_correction_moving_a_position_to_another_topic_updates_both_cells(reviewer):
    party, old_topic, new_topic = PartyFactory(), TopicFactory(), TopicFactory()
    position = stated(5, party=party, topic=old_topic, status=Status.PUBLISHED)

    services.position_correct(
        position=Position.objects.get(pk=position.pk),
        user=reviewer,
        note="Filed under the wrong topic.",
        expected_version=position.version,
        changes={"topic": new_topic},
    )

    assert cells() == {(party.id, new_topic.id): (position.id, position.stated_on, 1, 1)}


def test_a_cell_copies_its_latest_stance_and_follows_a_correction(reviewer):
    party, topic = PartyFactory(), TopicFactory()
    stated(1, party=party, topic=topic, status=Status.PUBLISHED, stance=Stance.REJECTS)
    latest = stated(
        20,
        party=party,
        topic=topic,
        status=Status.PUBLISHED,
        stance=Stance.OPEN,
        summary="Open to observers.",
    )
    assert copies()[(party.id, topic.id)] == (
        Stance.OPEN,
        latest.stated_on_precision,
        latest.move,
        "Open to observers.",
    )

    services.position_correct(
        position=Position.objects.get(pk=latest.pk),
        user=reviewer,
        note="The quote says opposes.",
        expected_version=latest.version,
        changes={"stance": Stance.OPPOSES, "summary": "Opposes observers.", "move": Move.RED_LINE},
    )

    assert copies()[(party.id, topic.id)] == (
        Stance.OPPOSES,
        latest.stated_on_precision,
        Move.RED_LINE,
        "Opposes observers.",
    )


def test_a_cell_with_only_retracted_positions_copies_nothing(reviewer):
    only = stated(5, status=Status.PUBLISHED)

    services.position_retract(position=only, user=reviewer, reason="Misattributed.")

    assert copies() == {(only.party_id, only.topic_id): (None, None, None, None)}


def test_deleting_a_position_through_the_service_updates_the_matrix(editor, reviewer):
    published = stated(5, status=Status.PUBLISHED)
    key = (published.party_id, published.topic_id)
    draft = services.position_create(
        user=editor,
        party=published.party,
        topic=published.topic,
        source=published.source,
        stated_on=datetime.date(2025, 3, 9),
        stance=Stance.OPEN,
        summary="Open to it.",
        quote="Open to it.",
    )
    services.position_submit(position=draft, user=editor)
    services.position_publish(position=draft, user=reviewer)
    services.position_retract(position=draft, user=reviewer, reason="Misattributed.")
    assert cells() == {key: (published.id, published.stated_on, 1, 2)}
    in_review = stated(30, party=published.party, topic=published.topic, status=Status.IN_REVIEW)

    services.position_delete(position=in_review, user=editor)

    assert cells() == {key: (published.id, published.stated_on, 1, 2)}
    rebuild_cells()
    assert cells() == {key: (published.id, published.stated_on, 1, 2)}


def _random_walk(rng: random.Random, editor, reviewer, steps: int) -> set[str]:
    """Write positions through the services at random; returns the statuses reached."""
    parties = [PartyFactory() for _ in range(3)]
    topics = [TopicFactory() for _ in range(3)]
    source = SourceFactory()
    ids, reached = [], set()

    def day() -> datetime.date:
        return datetime.date(2025, 1, 1) + datetime.timedelta(rng.randrange(90))

    def moves() -> dict:
        every = {
            "party": rng.choice(parties),
            "topic": rng.choice(topics),
            "stated_on": day(),
            "stance": rng.choice(list(Stance)),
        }
        return dict(rng.sample(sorted(every.items()), 2))

    for _ in range(steps):
        if not ids or rng.random() < 0.3:
            created = services.position_create(
                user=editor,
                source=source,
                summary="Said so.",
                quote="Said so.",
                party=rng.choice(parties),
                topic=rng.choice(topics),
                stated_on=day(),
                stance=rng.choice(list(Stance)),
            )
            ids.append(created.pk)
            continue
        position = Position.objects.get(pk=rng.choice(ids))
        version = position.version
        if position.status == Status.DRAFT:
            action = rng.choice(["submit", "update", "delete"])
        elif position.status == Status.IN_REVIEW:
            action = rng.choice(["publish", "publish", "send_back", "delete"])
        elif position.status == Status.PUBLISHED:
            action = rng.choice(["correct", "correct", "retract"])
        else:
            continue
        if action == "delete":
            services.position_delete(position=position, user=editor)
            ids.remove(position.pk)
            continue
        if action == "update":
            position = services.position_update(
                position=position, user=editor, changes=moves(), expected_version=version
            )
        elif action == "correct":
            position = services.position_correct(
                position=position,
                user=reviewer,
                changes=moves(),
                note="Moved.",
                expected_version=version,
            )
        else:
            extra = {"send_back": {"text": "Check it."}, "retract": {"text": "Withdrawn."}}
            user = editor if action == "submit" else reviewer
            position = services.take_step(
                action,
                position=position,
                user=user,
                expected_version=version,
                **extra.get(action, {}),
            )
        reached.add(position.status)
    return reached


def test_cells_kept_write_by_write_equal_cells_rebuilt_from_scratch(editor, reviewer):
    reached = _random_walk(random.Random(7), editor, reviewer, steps=120)
    kept, kept_copies = cells(), copies()

    rebuild_cells()

    assert reached == set(Status.values)
    assert kept and cells() == kept
    assert copies() == kept_copies
    assert any(copied != (None, None, None, None) for copied in kept_copies.values())


def test_rebuild_command_repairs_cells_after_rows_written_behind_the_record(capsys):
    from django.core.management import call_command

    position = stated(5, status=Status.PUBLISHED)
    StanceCell.objects.all().delete()

    call_command("rebuild_stance_cells")

    assert "1 stance cells rebuilt." in capsys.readouterr().out
    assert cells() == {
        (position.party_id, position.topic_id): (position.id, position.stated_on, 1, 1)
    }


@pytest.mark.parametrize(
    ("migration", "copies_stance"),
    [("0005_stance_cells", False), ("0010_stance_cells_copy_latest_stance", True)],
)
def test_migrations_rebuild_cells_with_the_fields_their_models_had(migration, copies_stance):
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    latest = stated(9, status=Status.PUBLISHED, stance=Stance.SUPPORTS, summary="Supports it.")
    StanceCell.objects.all().delete()
    then = MigrationLoader(connection).project_state(("positions", migration)).apps

    rebuild_cells(
        position_model=then.get_model("positions", "Position"),
        cell_model=then.get_model("positions", "StanceCell"),
    )

    key = (latest.party_id, latest.topic_id)
    assert cells() == {key: (latest.id, latest.stated_on, 1, 1)}
    expected = (Stance.SUPPORTS, latest.stated_on_precision, latest.move, "Supports it.")
    assert copies()[key] == (expected if copies_stance else (None, None, None, None))
