"""Readers' pages. Each view loads what its page shows in a fixed number of queries."""

from positions.views.compare import compare
from positions.views.home import home
from positions.views.records import (
    party_detail,
    person_detail,
    position_detail,
    source_detail,
    topic_detail,
)
from positions.views.search import search
from positions.views.timeline import timeline

__all__ = [
    "compare",
    "home",
    "party_detail",
    "person_detail",
    "position_detail",
    "search",
    "source_detail",
    "timeline",
    "topic_detail",
]
