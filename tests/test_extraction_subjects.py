"""Who a sentence says is speaking, however it opens (constructed test texts, not real
articles)."""

import datetime

import pytest

from tests.test_extraction_guards import more, only  # noqa: F401
from tests.test_extraction_rules import drafts, record  # noqa: F401

pytestmark = pytest.mark.django_db

SATURDAY = datetime.date(2031, 2, 15)


def test_where_after_an_opening_phrase_introduces_the_speaker(more):  # noqa: F811
    found = drafts(
        "It began in Washington, where Secretary of State Marco Rubio told the Senate on "
        'Monday that sanctions relief was "on the table, but at the far end of the table".',
        SATURDAY,
    )
    draft = found['sanctions relief was "on the table, but at the far end of the table"']
    assert draft.speaker == more["rubio"]
    assert draft.stated_on == datetime.date(2031, 2, 10)


def test_an_according_to_aside_before_the_speaker_leaves_the_speaker_theirs(more):  # noqa: F811
    found = drafts(
        "The same day, according to two European diplomats briefed on the meeting, U.S. "
        "special envoy Steve Witkoff told European envoys in Geneva that Washington wanted the "
        "assets kept as a bargaining chip.",
        SATURDAY,
    )
    assert only(found, "Washington wanted the assets").speaker == more["witkoff"]


def test_an_according_to_aside_alone_attributes_nothing_to_the_subject(more):  # noqa: F811
    found = drafts(
        "Russia, according to officials, plans to keep its troops where they are.", SATURDAY
    )
    assert all(draft.speaker is None for draft in found.values())


def test_renewing_a_call_for_something_is_a_stance(more):  # noqa: F811
    found = drafts(
        "Maria Zakharova spoke on Tuesday. She also renewed her call for the EU to return the "
        "immobilised assets of Russia's central bank.",
        SATURDAY,
    )
    draft = only(found, "renewed her call for the EU")
    assert draft.speaker == more["zakharova"]
