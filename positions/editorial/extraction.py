"""From an article to draft positions: which sentences carry statements, and what a draft for
each statement would say (quote, speaker, party, date, topics, move), with the evidence.

Everything here is a suggestion shown to an editor, who checks and completes it. Where the rules
are unsure a field stays blank and the draft says why: a wrong date or party that looks right is
worse than a blank one. Reading an article costs time in proportion to its length.
"""

import datetime

from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone

from positions.editorial import cues, dating, reading
from positions.editorial.attribution import Context, NewSpeaker, Office
from positions.editorial.drafting import (
    Draft,
    Proposal,
    draft,
    role_for,
    role_held,
    suggest_conditions,
)
from positions.editorial.names import NameIndex
from positions.editorial.reading import attribution_markers
from positions.editorial.relayed import read_sentence
from positions.editorial.sentences import Sentence, split_sentences
from positions.editorial.statement_dates import DAY, date_statements, occasion
from positions.editorial.topic_suggestions import TopicSuggester, suggester_for
from positions.models import Party, Person, Role, Source, Topic

__all__ = [
    "Draft",
    "NewSpeaker",
    "Proposal",
    "Sentence",
    "attribution_markers",
    "propose",
    "split_sentences",
    "suggest_conditions",
]


def quote_of(sentence: str) -> str:
    """The statement itself: the sentence without dateline and attribution clause."""
    clauses = read_sentence(sentence, 0)
    return clauses[0].quote if clauses else sentence.strip().rstrip(".")


def find_date(sentence: str, published: datetime.datetime | None):
    """The day a sentence names ("on Sunday", "March 11"), read relative to publication."""
    day = timezone.localtime(published).date() if published else None
    for finding in dating.find_dates(sentence, day):
        if finding.precision == DAY:
            return finding.day, finding.phrase
    return None, ""


def suggest_move(quote: str) -> str:
    cue = cues.move_cue(quote)
    return cue.value if cue else ""


def suggest_topics(quote: str, topics: list[Topic], limit: int = 3) -> list[Topic]:
    """Topics whose wording is closest to the quote (without the record's coded positions)."""
    return [scored.topic for scored in TopicSuggester(topics, []).suggest(quote, limit=limit)]


# -- reading a whole article --


def propose(source: Source) -> list[Proposal]:
    """Every sentence of the source's text, with drafts for the statements it carries."""
    text = source.text
    published = timezone.localtime(source.published_at).date() if source.published_at else None
    people = list(Person.objects.only("id", "name", "slug", "other_names"))
    index = NameIndex(people, list(Party.objects.all()))
    # Roles only of the people the article names: the record may hold thousands of people.
    named_at = {}
    for hit in index.find(text):
        if hit.person is not None:
            named_at.setdefault(hit.person, hit.start)
    named = list(named_at)
    prefetch_related_objects(named, Prefetch("roles", Role.objects.select_related("party")))
    roles = {person.pk: list(person.roles.all()) for person in named}

    def party_of(person):
        if person.pk not in roles:
            # Named otherwise than the text spells it (a transcript's "MACRON:").
            roles[person.pk] = list(person.roles.select_related("party"))
        role = role_for(roles[person.pk], published)
        if role is None:
            return None, ""
        return role.party, f"{person.name}'s role: {role.title}, {role.party}"

    offices = [
        Office(person, role.title, role.party, named_at[person])
        for person in named
        for role in roles[person.pk]
        if role_held(role, published)
    ]
    context = Context(index=index, offices=offices, text=text)
    proposals, found = reading.read(text, source.title, context, party_of, source.language or "en")
    date_statements(found, published, occasion(proposals, published, found), proposals)
    suggester = suggester_for(source)
    for item in found:
        draft(item, roles, suggester)
    for proposal in proposals:
        proposal.drafts.sort(key=lambda made: -made.confidence)
    return proposals
