"""Factories for every model, in one place. Defaults make a valid, published-ready row."""

import datetime

import factory
from django.contrib.auth import get_user_model

from positions.editorial.stance_cells import refresh_cells
from positions.models import Event, Party, Person, Position, Role, Source, Topic
from positions.models.choices import Move, Stance, Status


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    # Hashed before the row is saved, so sessions made with force_login stay valid.
    password = factory.django.Password("correct horse battery")


class PartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Party

    name = factory.Sequence(lambda n: f"Party {n}")
    short_name = factory.LazyAttribute(lambda party: party.name)
    slug = factory.Sequence(lambda n: f"party-{n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Speaker {n}")
    slug = factory.Sequence(lambda n: f"speaker-{n}")


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    person = factory.SubFactory(PersonFactory)
    party = factory.SubFactory(PartyFactory)
    title = "Foreign Minister"


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name = factory.Sequence(lambda n: f"Topic {n}")
    proposition = factory.Sequence(lambda n: f"Proposition {n} is adopted")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    title = factory.Sequence(lambda n: f"Report {n}")
    outlet = "Example Wire"
    url = factory.Sequence(lambda n: f"https://news.example.org/report-{n}")
    published_at = factory.LazyFunction(
        lambda: datetime.datetime(2025, 3, 17, 10, 35, tzinfo=datetime.UTC)
    )
    text = ""


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    party = factory.SubFactory(PartyFactory)
    topic = factory.SubFactory(TopicFactory)
    source = factory.SubFactory(SourceFactory)
    stated_on = datetime.date(2025, 3, 16)
    stance = Stance.SUPPORTS
    move = Move.DEMAND
    summary = factory.Sequence(lambda n: f"Summary of statement {n}.")
    quote = factory.Sequence(lambda n: f"Statement number {n}.")
    status = Status.DRAFT

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        position = super()._create(model_class, *args, **kwargs)
        # Written around the services, so the row keeps its stance cell as they do.
        refresh_cells([(position.party_id, position.topic_id)])
        return position


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Round {n} of talks")
    slug = factory.Sequence(lambda n: f"round-{n}")
    date = datetime.date(2025, 3, 11)
