"""Synthetic data for benchmarks: realistic shapes, labelled synthetic in every row.

Everything created here carries the ``synthetic-`` slug prefix and a "Synthetic" name,
so it can never be confused with the real record. Rows are written with COPY on
PostgreSQL and batched inserts elsewhere; history is not recorded for them.
"""

import datetime
import hashlib
import io
import random
from dataclasses import dataclass

from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from positions.editorial.stance_cells import rebuild_cells
from positions.editorial.timeline import shift_between
from positions.models import Party, Person, Position, Role, Source, Topic
from positions.models.choices import Move, Stance, Status
from positions.postgres.bulk import insert_rows, settle

SLUG_PREFIX = "synthetic-"
PARTIES = 40
TOPIC_PARENTS = 20
TOPIC_CHILDREN_PER_PARENT = 9
SPEAKERS = 2000
POSITIONS_PER_SOURCE = 10
FIRST_DAY = datetime.date(2016, 1, 1)
SPAN_DAYS = 3652  # ten years
VERBS = ("said", "stated", "insisted", "added", "emphasized", "told reporters")
MOVES = list(Move.values)
BATCH = 5000


class SyntheticDataRefused(Exception):
    pass


@dataclass
class SyntheticReport:
    parties: int
    topics: int
    people: int
    sources: int
    positions: int


def holds_real_data() -> bool:
    return (
        Party.objects.exclude(slug__startswith=SLUG_PREFIX).exists()
        or Position.objects.exclude(party__slug__startswith=SLUG_PREFIX).exists()
    )


def generate(*, positions: int, seed: int = 1, allow_real_data: bool = False) -> SyntheticReport:
    if Party.objects.filter(slug__startswith=SLUG_PREFIX).exists():
        raise SyntheticDataRefused("This database already holds synthetic data.")
    if holds_real_data() and not allow_real_data:
        raise SyntheticDataRefused(
            "This database holds real data. Benchmarks belong in a scratch database; "
            "pass --allow-real-data only if you really mean to mix them."
        )
    rng = random.Random(seed)
    with transaction.atomic():
        parties = _create_parties()
        topics = _create_topics()
        roles_by_party = _create_speakers(rng, parties)
        sources, written = _write_positions(rng, positions, parties, topics, roles_by_party)
        _reset_sequences()
        # Rows written in bulk: the stance cells are computed once, here.
        rebuild_cells()
    settle(using=connection.alias)
    return SyntheticReport(len(parties), len(topics), SPEAKERS, sources, written)


def _create_parties() -> list[Party]:
    return Party.objects.bulk_create(
        Party(
            name=f"Synthetic Party {n:02d}",
            short_name=f"Synthetic {n:02d}",
            slug=f"{SLUG_PREFIX}party-{n:02d}",
            description="Synthetic benchmark data; not a real party.",
        )
        for n in range(1, PARTIES + 1)
    )


def _create_topics() -> list[Topic]:
    parents = Topic.objects.bulk_create(
        Topic(
            slug=f"{SLUG_PREFIX}topic-{n:02d}",
            name=f"Synthetic topic {n:02d}",
            proposition=f"Synthetic proposition {n:02d} is adopted",
        )
        for n in range(1, TOPIC_PARENTS + 1)
    )
    children = Topic.objects.bulk_create(
        Topic(
            slug=f"{parent.slug}-{m}",
            name=f"{parent.name}.{m}",
            proposition=f"Synthetic proposition {parent.slug[-2:]}.{m} is adopted",
            parent=parent,
        )
        for parent in parents
        for m in range(1, TOPIC_CHILDREN_PER_PARENT + 1)
    )
    return parents + children


def _create_speakers(rng: random.Random, parties: list[Party]) -> dict[int, list[Role]]:
    people = Person.objects.bulk_create(
        Person(name=f"Synthetic Speaker {n:04d}", slug=f"{SLUG_PREFIX}speaker-{n:04d}")
        for n in range(1, SPEAKERS + 1)
    )
    roles = Role.objects.bulk_create(
        Role(person=person, party=parties[n % len(parties)], title="Synthetic spokesperson")
        for n, person in enumerate(people)
    )
    by_party: dict[int, list[Role]] = {}
    for role in roles:
        by_party.setdefault(role.party_id, []).append(role)
    return by_party


def _series_sizes(rng: random.Random, total: int, series: int) -> list[int]:
    """Split ``total`` positions over ``series`` party×topic timelines, unevenly."""
    weights = [rng.paretovariate(1.5) for _ in range(series)]
    scale = total / sum(weights)
    sizes = [int(w * scale) for w in weights]
    for i in range(total - sum(sizes)):
        sizes[i % series] += 1
    return sizes


def _write_positions(rng, total, parties, topics, roles_by_party) -> tuple[int, int]:
    pairs = [(party, topic) for party in parties for topic in topics]
    rng.shuffle(pairs)
    pairs = pairs[: max(1, min(len(pairs), total // 5))]
    sizes = _series_sizes(rng, total, len(pairs))
    next_position_id = (
        Position.objects.order_by("-id").values_list("id", flat=True).first() or 0
    ) + 1
    next_source_id = (Source.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
    now = timezone.now()

    source_writer, position_writer = _Writer(Source), _Writer(Position)
    written = sources = 0
    for (party, topic), size in zip(pairs, sizes, strict=True):
        if not size:
            continue
        days = sorted(rng.randrange(SPAN_DAYS) for _ in range(size))
        stance = rng.choice(Stance.values)
        previous_id = previous_stance = None
        batch = []
        for day in days:
            if rng.random() < 0.3:
                stance = max(-2, min(2, stance + rng.choice((-2, -1, 1, 2))))
            roll = rng.random()
            status = (
                Status.DRAFT
                if roll < 0.02
                else Status.RETRACTED
                if roll < 0.03
                else Status.PUBLISHED
            )
            role = rng.choice(roles_by_party[party.id])
            stated_on = FIRST_DAY + datetime.timedelta(days=day)
            position_id = next_position_id
            next_position_id += 1
            quote = (
                f"Synthetic statement {position_id}: {party.short_name} "
                f"{rng.choice(VERBS)} it {Stance(stance).label} "
                f"that {topic.proposition.lower()}."
            )
            if status == Status.PUBLISHED:
                shift = shift_between(previous_stance, stance)
                link = previous_id
                previous_id, previous_stance = position_id, stance
            else:
                shift, link = "", None
            batch.append(
                {
                    "id": position_id,
                    "party": party,
                    "topic": topic,
                    "role": role,
                    "stated_on": stated_on,
                    "stance": stance,
                    "status": status,
                    "quote": quote,
                    "previous_id": link,
                    "shift": shift,
                }
            )
            if len(batch) == POSITIONS_PER_SOURCE:
                sources += 1
                next_source_id = _flush_source(
                    batch, next_source_id, source_writer, position_writer, rng, now
                )
                written += len(batch)
                batch = []
                if len(position_writer.rows) >= BATCH:
                    _flush(source_writer, position_writer)
        if batch:
            sources += 1
            next_source_id = _flush_source(
                batch, next_source_id, source_writer, position_writer, rng, now
            )
            written += len(batch)
    _flush(source_writer, position_writer)
    return sources, written


def _flush(source_writer: "_Writer", position_writer: "_Writer") -> None:
    # Sources first: positions refer to them.
    source_writer.flush()
    position_writer.flush()


def _flush_source(batch, source_id, source_writer, position_writer, rng, now) -> int:
    """One synthetic news report carrying a run of statements, each quote anchored in it."""
    text = io.StringIO()
    anchors = []
    for item in batch:
        text.write("Synthetic report paragraph. ")
        start = text.tell()
        text.write(item["quote"])
        anchors.append((start, text.tell()))
        text.write("\n\n")
    body = text.getvalue()
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    last_day = batch[-1]["stated_on"]
    published = datetime.datetime.combine(
        last_day + datetime.timedelta(days=1), datetime.time(9, 0), tzinfo=datetime.UTC
    )
    source_writer.write(
        {
            "id": source_id,
            "created_at": published,
            "updated_at": published,
            "kind": "news_report",
            "title": f"Synthetic report {source_id}",
            "outlet": "Synthetic Wire",
            "byline": "Synthetic Wire",
            "url": f"https://synthetic.invalid/reports/{source_id}",
            "archived_url": "",
            "published_at": published,
            "modified_at": None,
            "language": "en",
            "text": body,
            "text_sha256": digest,
            "original_id": None,
        }
    )
    for item, (start, end) in zip(batch, anchors, strict=True):
        stance_label = Stance(item["stance"]).label
        updated = min(now, published + datetime.timedelta(hours=rng.randrange(1, 72)))
        position_writer.write(
            {
                "id": item["id"],
                "created_at": published,
                "updated_at": updated,
                "party_id": item["party"].id,
                "topic_id": item["topic"].id,
                "speaker_id": item["role"].person_id,
                "role_id": item["role"].id,
                "source_id": source_id,
                "stated_on": item["stated_on"],
                "stated_on_precision": "day",
                "long_standing": False,
                "stance": item["stance"],
                "move": rng.choice(MOVES),
                "conditions": "",
                "summary": (
                    f"Synthetic: {item['party'].short_name} {stance_label} "
                    f"{item['topic'].proposition.lower()}."
                ),
                "quote": item["quote"],
                "quote_translation": "",
                "quote_prefix": body[max(0, start - 32) : start],
                "quote_suffix": body[end : end + 32],
                "quote_start": start,
                "quote_end": end,
                "anchored_text_sha256": digest,
                "quote_orphaned": False,
                "status": item["status"],
                "review_comment": "",
                "retraction_reason": (
                    "Synthetic retraction." if item["status"] == Status.RETRACTED else ""
                ),
                "published_at": published if item["status"] != Status.DRAFT else None,
                "retracted_at": updated if item["status"] == Status.RETRACTED else None,
                "version": 1,
                "previous_id": item["previous_id"],
                "shift": item["shift"],
                "created_by_id": None,
                "updated_by_id": None,
            }
        )
    return source_id + 1


class _Writer:
    """Buffers rows for one table and writes them in bulk."""

    def __init__(self, model):
        self.table = model._meta.db_table
        # A generated column (the search document) is the database's to write.
        fields = model._meta.concrete_fields
        self.columns = [field.column for field in fields if not field.generated]
        self.rows: list[tuple] = []

    def write(self, row: dict) -> None:
        self.rows.append(tuple(row[column] for column in self.columns))

    def flush(self) -> None:
        if self.rows:
            insert_rows(
                table=self.table, columns=self.columns, rows=self.rows, using=connection.alias
            )
        self.rows = []


def _reset_sequences() -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), [Source, Position])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
