"""Finding a quote in its source text, tolerant of typography, and describing where it sits.

Editors paste quotes from browsers, word processors and PDFs: curly or straight quotes,
em dashes or double hyphens, line breaks anywhere. Matching ignores those differences;
the stored anchor is a W3C-style text-quote selector (exact, prefix, suffix) plus
character offsets into the original text.
"""

import re
from dataclasses import dataclass

CONTEXT_CHARS = 32

_EQUIVALENTS = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4\u0060", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)
# A run of dashes with any spaces around it ("--", " — ", "–") reads as one dash.
_COLLAPSIBLE = re.compile(r"\s*-+\s*|\s+")


def _normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalised text and, for each of its characters, the index it came from."""
    translated = text.translate(_EQUIVALENTS)
    out: list[str] = []
    offsets: list[int] = []
    position = 0
    for match in _COLLAPSIBLE.finditer(translated):
        out.extend(translated[position : match.start()])
        offsets.extend(range(position, match.start()))
        replacement = "-" if "-" in match.group() else " "
        out.append(replacement)
        offsets.append(match.start())
        position = match.end()
    out.extend(translated[position:])
    offsets.extend(range(position, len(translated)))
    return "".join(out), offsets


def normalise(text: str) -> str:
    return _normalise_with_offsets(text)[0].strip()


@dataclass(frozen=True)
class Anchor:
    """Where a quote sits in a source text."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


def find_anchors(text: str, quote: str) -> list[Anchor]:
    """Every place ``quote`` occurs in ``text``, ignoring typographic differences."""
    needle = normalise(quote)
    if not needle or not text:
        return []
    haystack, offsets = _normalise_with_offsets(text)
    anchors = []
    index = haystack.find(needle)
    while index != -1:
        start = offsets[index]
        end = offsets[index + len(needle) - 1] + 1
        anchors.append(
            Anchor(
                start=start,
                end=end,
                exact=text[start:end],
                prefix=text[max(0, start - CONTEXT_CHARS) : start],
                suffix=text[end : end + CONTEXT_CHARS],
            )
        )
        index = haystack.find(needle, index + 1)
    return anchors


def choose_anchor(anchors: list[Anchor], *, prefix: str = "", suffix: str = "") -> Anchor | None:
    """Pick the occurrence whose context matches what was stored, else the first."""
    if not anchors:
        return None
    for anchor in anchors:
        if (prefix and anchor.prefix.endswith(prefix[-CONTEXT_CHARS:])) or (
            suffix and anchor.suffix.startswith(suffix[:CONTEXT_CHARS])
        ):
            return anchor
    return anchors[0]
