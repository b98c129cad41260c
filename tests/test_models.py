import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from positions.editorial import records
from positions.models import Position, Source, text_sha256
from positions.models.choices import Status
from tests.factories import (
    PartyFactory,
    PositionFactory,
    RoleFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def assert_rejected_by_database(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_database_rejects_duplicate_party_slug():
    PartyFactory(slug="russia")
    assert_rejected_by_database(lambda: PartyFactory(slug="russia"))


def test_database_rejects_duplicate_topic_slug():
    TopicFactory(slug="nato")
    assert_rejected_by_database(lambda: TopicFactory(slug="nato"))


def test_database_rejects_stance_off_the_scale():
    assert_rejected_by_database(lambda: PositionFactory(stance=3))
    assert_rejected_by_database(lambda: PositionFactory(stance=-3))


def test_stance_off_the_scale_is_a_validation_error_on_the_stance_field():
    position = PositionFactory.build(
        party=PartyFactory(), topic=TopicFactory(), source=SourceFactory(), stance=5
    )
    with pytest.raises(ValidationError) as error:
        position.full_clean()
    assert "not a valid choice" in " ".join(error.value.message_dict["stance"])


def test_database_rejects_source_updated_before_published():
    published = datetime.datetime(2025, 3, 17, 10, 35, tzinfo=datetime.UTC)
    assert_rejected_by_database(
        lambda: SourceFactory(
            published_at=published, modified_at=published - datetime.timedelta(hours=1)
        )
    )


def test_source_may_be_updated_after_published():
    published = datetime.datetime(2025, 3, 17, 10, 35, tzinfo=datetime.UTC)
    SourceFactory(published_at=published, modified_at=published)
    SourceFactory(published_at=published, modified_at=published + datetime.timedelta(days=1))
    stored = Source.objects.order_by("modified_at").values_list("published_at", "modified_at")
    assert list(stored) == [
        (published, published),
        (published, datetime.datetime(2025, 3, 18, 10, 35, tzinfo=datetime.UTC)),
    ]


def test_database_rejects_duplicate_source_url_but_allows_many_without_url():
    SourceFactory(url="https://news.example.org/a")
    assert_rejected_by_database(lambda: SourceFactory(url="https://news.example.org/a"))
    SourceFactory(url="")
    SourceFactory(url="")


def test_database_rejects_role_ending_before_it_starts():
    assert_rejected_by_database(
        lambda: RoleFactory(
            start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2019, 1, 1)
        )
    )


def test_database_rejects_retraction_without_reason():
    assert_rejected_by_database(
        lambda: PositionFactory(status=Status.RETRACTED, retraction_reason="")
    )


def test_database_rejects_position_without_quote():
    assert_rejected_by_database(lambda: PositionFactory(quote=""))


def test_party_cited_by_a_position_cannot_be_deleted():
    position = PositionFactory()
    with pytest.raises(ProtectedError):
        position.party.delete()
    with pytest.raises(ProtectedError):
        position.source.delete()


def test_wikidata_id_must_look_like_a_wikidata_id():
    party = PartyFactory.build(wikidata_id="159")
    with pytest.raises(ValidationError) as error:
        party.full_clean()
    assert "wikidata_id" in error.value.message_dict


def test_source_fingerprints_its_text_on_save():
    source = SourceFactory(text="Some text.")
    assert source.text_sha256 == text_sha256("Some text.")
    source.text = "Other text."
    source.save(update_fields=["text"])
    source.refresh_from_db()
    assert source.text_sha256 == text_sha256("Other text.")


def test_position_is_orphaned_when_its_source_text_changes(editor):
    source = SourceFactory(text="They said it.")
    position = PositionFactory(
        source=source, quote="said it", anchored_text_sha256=source.text_sha256
    )
    assert not position.needs_anchoring
    source.text = "They never said that."
    records.record_save(record=source, user=editor)
    position = Position.objects.select_related("source").get(pk=position.pk)
    assert position.needs_anchoring and position.quote_orphaned


def test_public_positions_are_published_and_retracted_only():
    published = PositionFactory(status=Status.PUBLISHED)
    retracted = PositionFactory(status=Status.RETRACTED, retraction_reason="Misattributed.")
    PositionFactory(status=Status.DRAFT)
    PositionFactory(status=Status.IN_REVIEW)
    assert set(Position.objects.public()) == {published, retracted}
    assert list(Position.objects.published()) == [published]
