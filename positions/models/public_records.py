"""Which parties, people, roles, topics, sources and events are part of the public record.

A record is public once something public cites it: a published or retracted position (which
a reviewer published), or an event (which only reviewers write). What a public record shows
comes with it: a public person's roles, a cited source's original, a cited topic's parents.
Readers see people and sources only once public; every public record is changed only by
reviewers (``editorial.records``).
"""

from django.db import models
from django.db.models import Exists, OuterRef, Q

from positions.models.positions import Position


def cited_by_public_positions(*paths: str) -> Q:
    """Some public position cites the outer row through one of ``paths``."""
    condition = Q()
    for path in paths:
        condition |= Exists(Position.objects.public().filter(**{path: OuterRef("pk")}))
    return condition


def linked_to_an_event(queryset: models.QuerySet, field: str) -> Exists:
    """The outer row is linked to an event through ``Event.<field>`` (events are public)."""
    through = queryset.model.events.through
    return Exists(through.objects.filter(**{field: OuterRef("pk")}))


class PartyQuerySet(models.QuerySet):
    def public(self):
        """Parties a public position, a public person's role or an event names."""
        roles = self.model._meta.get_field("roles").related_model
        return self.filter(
            cited_by_public_positions("party")
            | Exists(roles.objects.public().filter(party=OuterRef("pk")))
            | linked_to_an_event(self, "party")
        )


class PersonQuerySet(models.QuerySet):
    def public(self):
        """People who spoke in a public position, or whose role one cites."""
        return self.filter(cited_by_public_positions("speaker", "role__person"))


class RoleQuerySet(models.QuerySet):
    def public(self):
        """Roles cited by a public position, and every role of a public person (their page
        lists them)."""
        of_a_speaker = Exists(Position.objects.public().filter(speaker=OuterRef("person")))
        return self.filter(cited_by_public_positions("role") | Q(of_a_speaker))


class TopicQuerySet(models.QuerySet):
    def public(self):
        """Topics a public position or an event cites, and their parents (a topic's page
        names its parent), three levels up."""
        return self.filter(
            cited_by_public_positions("topic", "topic__parent", "topic__parent__parent")
            | linked_to_an_event(self, "topic")
        )


class SourceQuerySet(models.QuerySet):
    def public(self):
        """Sources a public position or an event cites, and the originals they report on."""
        return self.filter(
            cited_by_public_positions("source", "source__original")
            | linked_to_an_event(self, "source")
        )


class EventQuerySet(models.QuerySet):
    def public(self):
        """Every event: events are written by reviewers only."""
        return self.all()
