"""More of the extraction's rules, each on a short constructed report (test texts, not real
articles): events over several days, Russian and Ukrainian reporting, agencies relaying a
statement, interviews' dates, and words between a speaker and the verb."""

import datetime

import pytest

from positions.editorial import extraction
from tests.factories import PartyFactory, PersonFactory, RoleFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    russia = PartyFactory(
        slug="russia", name="Russian Federation", short_name="Russia",
        other_names="Moscow\nthe Kremlin\nRussian\nРоссия\nМосква",
    )  # fmt: skip
    france = PartyFactory(slug="france", name="France", other_names="Paris\nFrench")
    zakharova = PersonFactory(name="Maria Zakharova", other_names="Мария Захарова\nЗахарова")
    RoleFactory(person=zakharova, party=russia, title="Foreign Ministry spokeswoman")
    peskov = PersonFactory(name="Dmitry Peskov", other_names="Дмитрий Песков\nПесков")
    RoleFactory(person=peskov, party=russia, title="Kremlin spokesman")
    macron = PersonFactory(name="Emmanuel Macron")
    RoleFactory(person=macron, party=france, title="President")
    return {"russia": russia, "zakharova": zakharova, "peskov": peskov, "macron": macron}


def drafts(text: str, published=datetime.date(2025, 12, 19), language="en"):
    """Every draft of a constructed report, by its quote."""
    source = SourceFactory(
        text=text,
        language=language,
        published_at=datetime.datetime.combine(published, datetime.time(9), datetime.UTC),
    )
    return {d.quote: d for p in extraction.propose(source) for d in p.drafts}


# -- events over several days --


def test_a_statement_at_a_summit_of_two_days_with_no_day_of_its_own_stays_blank(record):
    # 19 December 2025 is a Friday.
    found = drafts(
        "BRUSSELS, Dec 19 (Example Wire) — EU leaders agreed at a summit that ended early on "
        "Friday to lend Ukraine money.\n\n"
        "French President Emmanuel Macron said the assets would stay frozen."
    )
    draft = found["the assets would stay frozen"]
    assert draft.stated_on is None
    assert draft.evidence["date"].startswith("Left blank: the summit")
    assert "more than one day" in draft.evidence["date"]


def test_the_same_event_dated_another_day_elsewhere_makes_it_span_days(record):
    found = drafts(
        "PARIS, Dec 19 (Example Wire) — Leaders met at a summit in Paris on Friday.\n\n"
        "Macron said Europe needed a seat at the table.\n\n"
        "Zakharova, who spoke after the summit on Thursday evening, gave no view."
    )
    assert found["Europe needed a seat at the table"].stated_on is None


def test_a_one_day_summit_still_dates_its_statements(record):
    found = drafts(
        "PARIS, Dec 19 (Example Wire) — Leaders met at a summit in Paris on Thursday.\n\n"
        "Macron said Europe needed a seat at the table."
    )
    assert found["Europe needed a seat at the table"].stated_on == datetime.date(2025, 12, 18)
