"""Who answers in an interview and on which day (constructed test texts, not real articles)."""

import datetime

import pytest

from tests.test_extraction_guards import more, only  # noqa: F401
from tests.test_extraction_rules import drafts, record  # noqa: F401

pytestmark = pytest.mark.django_db

# 19 January 2031 is a Sunday.
SUNDAY = datetime.date(2031, 1, 19)

INTERVIEW = (
    "'At the table, not on the menu': France's foreign minister on the Ukraine talks\n\n"
    "By Example Correspondent\n\n"
    "Claire Duvernois has been France's foreign minister for a little under a year.\n\n"
    "On Thursday, President Emmanuel Macron told the diplomatic corps that France was ready "
    "to send soldiers. The interview, conducted in English and French on Friday, has been "
    "edited for length.\n\n"
    "Q: How many troops?\n\n"
    "Duvernois: I am not going to give you a number. What I can tell you is that the "
    "reassurance force is ready and its headquarters exists.\n\n"
    "Q: Will it work without the Americans?\n\n"
    "Duvernois: We have asked Washington for air cover and intelligence for the force."
)


def test_a_turns_surname_is_the_new_person_the_introduction_opens_with(more):  # noqa: F811
    found = drafts(INTERVIEW, SUNDAY)
    answer = only(found, "asked Washington for air cover")
    # Named twice, as the introduction's person and by the turns' label: filled in.
    assert (answer.new_speaker.name, answer.new_speaker.title) == (
        "Claire Duvernois",
        "Foreign Minister",
    )
    assert answer.party.slug == "france"
    assert "Claire Duvernois" in answer.evidence["speaker"]


def test_what_i_can_tell_you_frames_the_speakers_own_words(more):  # noqa: F811
    found = drafts(INTERVIEW, SUNDAY)
    answer = only(found, "reassurance force is ready")
    assert answer.suggested("speaker").name == "Claire Duvernois"


def test_answers_are_of_the_day_the_introduction_gives_the_interview(more):  # noqa: F811
    found = drafts(INTERVIEW, SUNDAY)
    # Not Thursday, the day of what the president said in the introduction.
    assert only(found, "asked Washington for air cover").stated_on == datetime.date(2031, 1, 17)
    assert "interview's introduction" in only(found, "asked Washington").evidence["date"]


def test_an_introduction_giving_two_days_for_interviews_dates_no_answer(more):  # noqa: F811
    found = drafts(
        INTERVIEW.replace(
            "has been edited for length.",
            "has been edited for length. A second interview followed on Saturday.",
        ),
        SUNDAY,
    )
    assert only(found, "asked Washington for air cover").stated_on is None


def test_a_surname_label_that_is_not_the_introductions_person_is_no_one(more):  # noqa: F811
    found = drafts(INTERVIEW.replace("Duvernois:", "Lemaire:"), SUNDAY)
    assert only(found, "asked Washington for air cover").suggested("speaker") is None
