"""The record's models: one module per part, all importable from ``positions.models``."""

from positions.models.base import QUOTE_MAX_LENGTH, TimestampedModel, text_sha256
from positions.models.positions import ANCHOR_FIELDS, Position
from positions.models.records import Event, Party, Person, Role, Topic
from positions.models.sources import Source
from positions.models.stance_cells import StanceCell
from positions.models.tombstones import Tombstone, TombstoneKind

__all__ = [
    "ANCHOR_FIELDS",
    "QUOTE_MAX_LENGTH",
    "Event",
    "Party",
    "Person",
    "Position",
    "Role",
    "Source",
    "StanceCell",
    "TimestampedModel",
    "Tombstone",
    "TombstoneKind",
    "Topic",
    "text_sha256",
]
