"""Constructed reports read by the desk's extraction, for the tests of its rules."""

import datetime

from positions.editorial import extraction
from tests.factories import PersonFactory, RoleFactory, SourceFactory


def drafts_of(text: str, published: datetime.date, language: str = "en"):
    """Every draft the extraction makes of ``text``, by its quote."""
    source = SourceFactory(
        text=text,
        language=language,
        published_at=datetime.datetime.combine(published, datetime.time(9), datetime.UTC),
    )
    return {d.quote: d for p in extraction.propose(source) for d in p.drafts}


def people_in_posts(posts) -> dict:
    """People of the record by name, from (name, party, title) rows, each with that role."""
    people = {}
    for name, party, title in posts:
        people[name] = PersonFactory(name=name)
        RoleFactory(person=people[name], party=party, title=title)
    return people
