"""The sync contract: a client that pulls what changed and what was deleted since its last
pull ends with the same copy as a fresh full pull, whatever kind of row was edited."""

import datetime

import pytest

from positions.editorial import records, services
from positions.models import Party, Person, Position, Role, Source, Topic
from positions.models.choices import Status
from tests.factories import (
    EventFactory,
    PartyFactory,
    PersonFactory,
    PositionFactory,
    RoleFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

RESOURCES = ["positions", "parties", "people", "topics", "sources", "events"]
# Deletions name the resource by the singular ``type``.
TYPES = {
    "party": "parties",
    "person": "people",
    "topic": "topics",
    "source": "sources",
    "event": "events",
    "position": "positions",
}


def moment(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text)


def pull(api, resource: str, **params) -> list[dict]:
    """Every row of a list, following ``next``."""
    if resource == "positions":
        params.setdefault("ordering", "updated_at")
    url, rows = f"/api/v1/{resource}/", []
    while url:
        response = api.get(url, params)
        assert response.status_code == 200, response.content
        body = response.json()
        rows.extend(body["results"])
        url, params = body["next"], {}
    return rows


class Mirror:
    """What a client following the README's recipe keeps: every resource by id, and the
    latest ``updated_at`` or ``deleted_at`` it has seen."""

    def __init__(self, api):
        self.api = api
        self.copy = {resource: {} for resource in RESOURCES}
        self.watermark = None

    def sync(self):
        since = {} if self.watermark is None else {"updated_since": self.watermark.isoformat()}
        seen = []
        for resource in RESOURCES:
            for row in pull(self.api, resource, **since):
                self.copy[resource][row["id"]] = row
                seen.append(moment(row["updated_at"]))
        if self.watermark is not None:
            for gone in pull(self.api, "deleted", since=self.watermark.isoformat()):
                self.copy[TYPES[gone["type"]]].pop(gone["id"], None)
                seen.append(moment(gone["deleted_at"]))
        self.watermark = max([*seen, self.watermark or min(seen)])


def full_pull(api) -> dict:
    return {resource: {row["id"]: row for row in pull(api, resource)} for resource in RESOURCES}


@pytest.fixture
def record(reviewer):
    """A small record where every kind of row is cited (constructed for the test)."""
    party = PartyFactory(slug="ruritania", short_name="Ruritania")
    other = PartyFactory(slug="freedonia")
    parent = TopicFactory(slug="security")
    topic = TopicFactory(slug="peacekeeping", parent=parent)
    speaker = PersonFactory(slug="rudolf")
    role = RoleFactory(person=speaker, party=party, title="Foreign Minister")
    source = SourceFactory(title="Interview", text="")
    positions = [
        PositionFactory(
            party=p, topic=topic, speaker=speaker, role=role, source=source, status=Status.IN_REVIEW
        )
        for p in (party, other, party)
    ]
    for position in positions:
        services.position_publish(position=position, user=reviewer)
    event = EventFactory()
    event.parties.add(party)
    event.topics.add(topic)
    event.sources.add(source)
    uncited = PartyFactory(slug="atlantis")
    return {
        "party": party,
        "parent": parent,
        "topic": topic,
        "speaker": speaker,
        "role": role,
        "source": source,
        "uncited": uncited,
        "positions": positions,
    }


def edit(record_row, user, **changes):
    row = type(record_row).objects.get(pk=record_row.pk)
    for name, value in changes.items():
        setattr(row, name, value)
    records.record_save(record=row, user=user)


EDITS = {
    "party renamed": lambda r, u: edit(r["party"], u, short_name="Ruritania (Kingdom)"),
    "party slug changed": lambda r, u: edit(r["party"], u, slug="kingdom-of-ruritania"),
    "proposition reworded": lambda r, u: edit(r["topic"], u, proposition="Peacekeepers deploy"),
    "parent topic's slug changed": lambda r, u: edit(r["parent"], u, slug="security-guarantees"),
    "speaker renamed": lambda r, u: edit(r["speaker"], u, name="Rudolf V"),
    "role retitled": lambda r, u: edit(r["role"], u, title="Prime Minister"),
    "role added": lambda r, u: records.record_save(
        record=Role(person=Person.objects.get(pk=r["speaker"].pk), party=r["party"], title="Envoy"),
        user=u,
    ),
    "role moved to another person": lambda r, u: edit(
        r["role"], u, person=PersonFactory(slug="another")
    ),
    "source retitled": lambda r, u: edit(r["source"], u, title="Interview (corrected)"),
    "uncited party deleted": lambda r, u: records.record_delete(
        record=Party.objects.get(pk=r["uncited"].pk), user=u
    ),
    "role deleted": lambda r, u: records.records_delete(
        records=Role.objects.filter(pk=RoleFactory(person=r["speaker"]).pk), user=u
    ),
    "linked source deleted": lambda r, u: records.record_delete(
        record=Source.objects.get(pk=_linked_source().pk), user=u
    ),
    "position retracted": lambda r, u: services.position_retract(
        position=Position.objects.get(pk=r["positions"][0].pk), user=u, reason="Misattributed."
    ),
    "position corrected": lambda r, u: services.position_correct(
        position=Position.objects.get(pk=r["positions"][2].pk),
        user=u,
        changes={"summary": "Corrected summary."},
        note="Summary clarified.",
        expected_version=None,
    ),
}


def _linked_source():
    """A source that only an event cites (deleting it unlinks the event)."""
    source = SourceFactory(title="Side report", text="")
    event = EventFactory()
    event.sources.add(source)
    return source


@pytest.mark.parametrize("change", list(EDITS))
def test_incremental_sync_matches_a_fresh_pull_after_each_kind_of_edit(
    api, reviewer, superuser, record, change
):
    mirror = Mirror(api)
    mirror.sync()
    EDITS[change](record, superuser)
    mirror.sync()
    assert mirror.copy == full_pull(api)


def test_incremental_sync_matches_after_every_edit_in_turn(api, superuser, record):
    mirror = Mirror(api)
    mirror.sync()
    for change in EDITS.values():
        change(record, superuser)
        mirror.sync()
    assert mirror.copy == full_pull(api)


def test_party_rename_moves_its_positions_people_and_events(api, superuser, record):
    before = {p.pk: p.updated_at for p in Position.objects.filter(party=record["party"])}
    edit(record["party"], superuser, short_name="Renamed")
    renamed_at = Party.objects.get(pk=record["party"].pk).updated_at
    after = Position.objects.filter(party=record["party"])
    assert {p.pk for p in after} == set(before)
    assert all(p.updated_at == renamed_at for p in after)
    assert Person.objects.get(pk=record["speaker"].pk).updated_at == renamed_at
    other = Position.objects.exclude(party=record["party"]).get()
    assert other.updated_at < renamed_at


def test_adding_a_role_moves_the_persons_updated_at(superuser, record):
    before = Person.objects.get(pk=record["speaker"].pk).updated_at
    records.record_save(
        record=Role(person=record["speaker"], party=record["party"], title="Envoy"), user=superuser
    )
    assert Person.objects.get(pk=record["speaker"].pk).updated_at > before


def test_deleted_lists_tombstones_since_a_moment(api, superuser, record):
    start = datetime.datetime.now(datetime.UTC)
    records.record_delete(record=Party.objects.get(slug="atlantis"), user=superuser)
    response = api.get("/api/v1/deleted/", {"since": start.isoformat()})
    assert response.status_code == 200
    [gone] = response.json()["results"]
    assert gone["type"] == "party"
    assert gone["id"] == record["uncited"].pk
    assert gone["slug"] == "atlantis"
    after = moment(gone["deleted_at"]) + datetime.timedelta(seconds=1)
    later = api.get("/api/v1/deleted/", {"since": after.isoformat()})
    assert later.json()["results"] == []


def test_deleted_draft_positions_are_told_only_to_editorial_staff(api, editor, superuser, record):
    draft = PositionFactory(status=Status.DRAFT)
    services.position_delete(position=draft, user=superuser)
    assert api.get("/api/v1/deleted/").json()["results"] == []
    api.force_authenticate(editor)
    [gone] = api.get("/api/v1/deleted/").json()["results"]
    assert (gone["type"], gone["id"]) == ("position", draft.pk)


def test_a_refused_deletion_leaves_no_tombstone(api, superuser, record):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        records.record_delete(record=Topic.objects.get(pk=record["topic"].pk), user=superuser)
    assert api.get("/api/v1/deleted/").json()["results"] == []
