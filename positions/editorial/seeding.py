"""Loading the human-editable seed files in ``seeds/`` into the database.

Loading creates what is missing and leaves existing rows alone, so running it again
changes nothing and never overwrites what editors have since corrected. A bad entry
stops the whole load with an error naming the file and the entry; nothing is written.
"""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from positions.editorial import stance_cells
from positions.editorial.anchoring import choose_anchor, find_anchors
from positions.editorial.timeline import recompute_timeline
from positions.models import Party, Person, Position, Role, Source, Topic
from positions.models.choices import Stance, Status

SECTIONS = ("parties", "people", "roles", "topics", "sources", "positions")


class SeedError(Exception):
    """A seed entry that cannot be loaded; the message names the file and the entry."""


@dataclass
class SeedReport:
    created: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SECTIONS, 0))
    existing: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SECTIONS, 0))

    def __str__(self) -> str:
        return ", ".join(
            f"{name}: {self.created[name]} created, {self.existing[name]} already present"
            for name in SECTIONS
        )


def load_seed_files(paths: list[Path]) -> SeedReport:
    report = SeedReport()
    with transaction.atomic():
        for path in paths:
            _SeedFile(path, report).load()
    return report


class _SeedFile:
    def __init__(self, path: Path, report: SeedReport):
        self.path = path
        self.report = report
        self.sources: dict[str, Source] = {}
        self.timelines: set[tuple[int, int]] = set()

    def fail(self, where: str, message: str) -> SeedError:
        return SeedError(f"{self.path}: {where}: {message}")

    def load(self) -> None:
        try:
            data = yaml.safe_load(self.path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            raise SeedError(f"{self.path}: not valid YAML: {error}") from error
        if not isinstance(data, dict):
            raise SeedError(f"{self.path}: expected a mapping of sections at the top level")
        unknown = set(data) - set(SECTIONS)
        if unknown:
            raise SeedError(f"{self.path}: unknown section(s): {', '.join(sorted(unknown))}")
        for section in SECTIONS:
            entries = data.get(section) or []
            if not isinstance(entries, list):
                raise SeedError(f"{self.path}: {section}: expected a list of entries")
            loader = getattr(self, f"_load_{section}")
            for index, entry in enumerate(entries):
                where = f"{section}[{index}]"
                if not isinstance(entry, dict):
                    raise self.fail(where, "expected a mapping of fields")
                try:
                    created = loader(dict(entry))
                except ValidationError as error:
                    raise self.fail(where, _describe(error)) from error
                except KeyError as error:
                    raise self.fail(where, f"missing field {error}") from error
                except (ValueError, TypeError, LookupError) as error:
                    raise self.fail(where, str(error)) from error
                bucket = self.report.created if created else self.report.existing
                bucket[section] += 1
        # Seeded positions are published as loaded, so what is derived from the published
        # record is worked out here, once per party and topic they were added to.
        for party_id, topic_id in self.timelines:
            recompute_timeline(party_id=party_id, topic_id=topic_id)
        stance_cells.refresh_cells(self.timelines)

    # Each loader returns True when it created a row.

    def _load_parties(self, entry: dict) -> bool:
        return _create_missing(Party, {"slug": entry.pop("slug")}, entry)

    def _load_people(self, entry: dict) -> bool:
        return _create_missing(Person, {"slug": entry.pop("slug")}, entry)

    def _load_roles(self, entry: dict) -> bool:
        lookup = {
            "person": _get(Person, slug=entry.pop("person")),
            "party": _get(Party, slug=entry.pop("party")),
            "title": entry.pop("title"),
        }
        return _create_missing(Role, lookup, entry)

    def _load_topics(self, entry: dict) -> bool:
        if parent := entry.pop("parent", None):
            entry["parent"] = _get(Topic, slug=parent)
        return _create_missing(Topic, {"slug": entry.pop("slug")}, entry)

    def _load_sources(self, entry: dict) -> bool:
        key = entry.pop("key")
        if original := entry.pop("original", None):
            entry["original"] = self._source(original)
        for name in ("published_at", "modified_at"):
            if name in entry:
                entry[name] = _datetime(entry[name], name)
        lookup = {"outlet": entry.pop("outlet", ""), "title": entry.pop("title")}
        source = Source.objects.filter(**lookup).first()
        created = source is None
        if created:
            source = Source(**lookup, **entry)
            source.full_clean()
            source.save()
        self.sources[key] = source
        return created

    def _load_positions(self, entry: dict) -> bool:
        source = self._source(entry.pop("source"))
        party = _get(Party, slug=entry.pop("party"))
        topic = _get(Topic, slug=entry.pop("topic"))
        speaker = role = None
        if speaker_slug := entry.pop("speaker", None):
            speaker = _get(Person, slug=speaker_slug)
        if role_title := entry.pop("role", None):
            role = _get(Role, person=speaker, party=party, title=role_title)
        stance = entry.pop("stance")
        try:
            entry["stance"] = Stance[str(stance).upper()].value
        except KeyError:
            labels = ", ".join(Stance.labels)
            raise ValueError(f"unknown stance {stance!r}; use one of {labels}") from None
        entry["stated_on"] = _date(entry.pop("stated_on"))
        quote = entry.pop("quote")
        lookup = {"source": source, "party": party, "topic": topic, "quote": quote}
        if Position.objects.filter(**lookup).exists():
            return False
        anchor = choose_anchor(find_anchors(source.text, quote))
        if source.text and anchor is None:
            raise ValueError(f"quote does not occur in the text of {source}: {quote!r}")
        position = Position(**lookup, speaker=speaker, role=role, **entry)
        if anchor:
            position.quote_start, position.quote_end = anchor.start, anchor.end
            position.quote_prefix, position.quote_suffix = anchor.prefix, anchor.suffix
            position.anchored_text_sha256 = source.text_sha256
        position.status = Status.PUBLISHED
        position.published_at = timezone.now()
        position.full_clean()
        position.save()
        self.timelines.add((party.id, topic.id))
        return True

    def _source(self, key: str) -> Source:
        if key not in self.sources:
            raise LookupError(f"no source with key {key!r} earlier in this file")
        return self.sources[key]


def _create_missing(model, lookup: dict, fields: dict) -> bool:
    if model.objects.filter(**lookup).exists():
        return False
    row = model(**lookup, **fields)
    row.full_clean()
    row.save()
    return True


def _get(model, **lookup):
    try:
        return model.objects.get(**lookup)
    except model.DoesNotExist:
        described = ", ".join(f"{key}={value!r}" for key, value in lookup.items())
        raise LookupError(f"no {model._meta.verbose_name} with {described}") from None


def _date(value) -> datetime.date:
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def _datetime(value, name: str) -> datetime.datetime:
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.fromisoformat(str(value))
    if timezone.is_naive(value):
        raise ValueError(f"{name} needs a time zone offset, e.g. 2025-03-17T10:35:00+08:00")
    return value


def _describe(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)
