"""A source text cut into runs, each knowing which anchored quotes cover it.

Quotes may overlap (one sentence can carry two positions), so the text is cut at every
quote boundary; a run covered by any quote is highlighted, and each quote's last run
carries a numbered link to its position.
"""

from dataclasses import dataclass, field

from positions.models import Position, Source


@dataclass
class Run:
    text: str
    covered_by: list[Position] = field(default_factory=list)
    starts: list[Position] = field(default_factory=list)
    ends: list[Position] = field(default_factory=list)


def locatable(source: Source, positions: list[Position]) -> list[Position]:
    """Positions whose stored offsets still point into this exact text."""
    return [
        p
        for p in positions
        if p.quote_start is not None
        and p.quote_end is not None
        and p.anchored_text_sha256 == source.text_sha256
        and p.quote_end <= len(source.text)
    ]


def highlighted_runs(source: Source, positions: list[Position]) -> list[Run]:
    text = source.text
    quotes = locatable(source, positions)
    cuts = sorted({0, len(text), *(p.quote_start for p in quotes), *(p.quote_end for p in quotes)})
    runs = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        runs.append(
            Run(
                text=text[start:end],
                covered_by=[p for p in quotes if p.quote_start <= start and end <= p.quote_end],
                starts=[p for p in quotes if p.quote_start == start],
                ends=[p for p in quotes if p.quote_end == end],
            )
        )
    return runs
