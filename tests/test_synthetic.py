import pytest
from django.core.management import CommandError, call_command

from positions.editorial.synthetic import SLUG_PREFIX
from positions.models import Party, Position, Source, Topic
from positions.models.choices import Status
from tests.definitions import SHIFT_TABLE

pytestmark = pytest.mark.django_db


def generate(n=600, **options):
    call_command("generate_synthetic", positions=n, verbosity=0, **options)


def test_synthetic_data_is_labelled_synthetic_everywhere():
    generate()
    assert Position.objects.count() == 600
    assert all(
        slug.startswith(SLUG_PREFIX) for slug in Party.objects.values_list("slug", flat=True)
    )
    assert all(
        slug.startswith(SLUG_PREFIX) for slug in Topic.objects.values_list("slug", flat=True)
    )
    assert set(Source.objects.values_list("outlet", flat=True)) == {"Synthetic Wire"}
    assert all(
        q.startswith("Synthetic statement")
        for q in Position.objects.values_list("quote", flat=True)
    )


def test_synthetic_data_is_refused_on_a_database_with_real_data(seeded):
    with pytest.raises(CommandError, match="holds real data"):
        generate()
    assert not Party.objects.filter(slug__startswith=SLUG_PREFIX).exists()


def test_synthetic_data_can_be_added_to_real_data_when_explicitly_confirmed(seeded):
    generate(allow_real_data=True)
    assert Party.objects.filter(slug__startswith=SLUG_PREFIX).count() == 40


def test_synthetic_timelines_link_each_position_to_the_one_before_with_its_shift():
    generate()
    timelines = {}
    for row in Position.objects.order_by("stated_on", "id").values(
        "id", "party_id", "topic_id", "status", "stance", "previous_id", "shift"
    ):
        if row["status"] != Status.PUBLISHED:
            # Only published positions are on a timeline.
            assert (row["previous_id"], row["shift"]) == (None, ""), row
            continue
        before = timelines.get((row["party_id"], row["topic_id"]))
        if before is None:
            assert (row["previous_id"], row["shift"]) == (None, "first"), row
        else:
            expected = SHIFT_TABLE[(before["stance"], row["stance"])]
            assert (row["previous_id"], row["shift"]) == (before["id"], expected), row
        timelines[(row["party_id"], row["topic_id"])] = row
    assert len(timelines) > 1


def test_synthetic_quotes_are_anchored_in_their_source_text():
    generate(n=50)
    for position in Position.objects.select_related("source"):
        text = position.source.text
        assert text[position.quote_start : position.quote_end] == position.quote
        assert not position.needs_anchoring


def test_synthetic_data_spans_stance_changes_and_statuses():
    generate()
    assert Position.objects.filter(status=Status.DRAFT).exists()
    assert (
        Position.objects.filter(shift="reversal").exists()
        or Position.objects.filter(shift__in=["towards_support", "towards_rejection"]).exists()
    )
    first, last = (
        Position.objects.order_by("stated_on").first().stated_on,
        Position.objects.order_by("stated_on").last().stated_on,
    )
    assert (last - first).days > 365 * 5


def test_new_rows_after_synthetic_data_get_fresh_ids():
    from tests.factories import PositionFactory

    generate(n=20)
    highest = Position.objects.order_by("-id").values_list("id", flat=True)[0]
    assert PositionFactory().id > highest
