"""Measuring the extraction against articles whose positions an expert has coded.

Each article is a JSON file: ``{"url", "outlet", "published": "YYYY-MM-DD", "title", "text",
"language"?, "positions": [{"party", "speaker", "quote", "stated_on", "topic"?, "move"?}]}``,
the language a BCP 47 code ("en" when absent). A party or speaker given as "" and a
``stated_on`` of null mean the expert would leave the field blank: then a blank suggestion is
right and a filled one wrong.

Everything runs inside a transaction that is rolled back, so the record is never touched.
"""

import datetime
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from positions.editorial import extraction
from positions.editorial.anchoring import find_anchors, normalise
from positions.editorial.seeding import load_seed_files
from positions.models import Party, Position, Source, Topic
from positions.models.choices import DatePrecision, Move, Stance, Status

FIELDS = ("speaker", "party", "date", "quote", "topic", "move")
# The fields the rules fill in only when sure, offering them otherwise (confidence.py).
TIERED = ("speaker", "party", "date")
# How far an approximate date may be from the coded one and still count as right.
APPROXIMATE_DAYS = 7
# Figures where more is better; every other figure is better lower.
HIGHER_IS_BETTER = frozenset(
    {
        "recall",
        "speaker_right",
        "party_right",
        "date_right",
        "quote_kept",
        "topic_top3",
        "move_right_or_blank",
    }
)


class EvaluationError(Exception):
    """An article file that cannot be evaluated; the message names the file and the entry."""


@dataclass
class Expected:
    party: str
    speaker: str
    quote: str
    stated_on: datetime.date | None
    precision: str
    topic: str
    move: str
    start: int = 0
    end: int = 0


@dataclass
class Article:
    path: Path
    url: str
    outlet: str
    published: datetime.date
    title: str
    text: str
    positions: list[Expected]
    language: str = "en"


@dataclass
class Verdicts:
    """Per field: right, blank, or wrong (filled in with something else)."""

    counts: dict[str, Counter] = field(default_factory=lambda: {f: Counter() for f in FIELDS})
    found: int = 0
    total: int = 0
    highlighted: int = 0
    noise: int = 0
    with_topic: int = 0
    details: list[dict] = field(default_factory=list)
    # The highlighted sentences that hold no recorded position, by file: what noise is made of.
    noisy: list[dict] = field(default_factory=list)
    # Unsure suggestions offered beside a blank field: right or wrong, per field.
    offers: dict[str, Counter] = field(default_factory=lambda: {f: Counter() for f in TIERED})
    # Every suggestion, filled in or offered, right or wrong by the kind of its evidence:
    # what the tiers are decided from.
    kinds: Counter = field(default_factory=Counter)

    def add(self, other: "Verdicts") -> None:
        for name in TIERED:
            self.offers[name].update(other.offers[name])
        self.kinds.update(other.kinds)
        for name in FIELDS:
            self.counts[name].update(other.counts[name])
        self.found += other.found
        self.total += other.total
        self.highlighted += other.highlighted
        self.noise += other.noise
        self.with_topic += other.with_topic
        self.details.extend(other.details)
        self.noisy.extend(other.noisy)

    def figures(self) -> dict[str, float]:
        def share(count, of):
            return round(count / of, 4) if of else 1.0

        counts, total = self.counts, self.total
        return {
            "recall": share(self.found, total),
            "noise": share(self.noise, self.highlighted),
            "speaker_right": share(counts["speaker"]["right"], total),
            "speaker_wrong": share(counts["speaker"]["wrong"], total),
            "party_right": share(counts["party"]["right"], total),
            "party_wrong": share(counts["party"]["wrong"], total),
            "date_right": share(counts["date"]["right"], total),
            "date_wrong": share(counts["date"]["wrong"], total),
            "quote_kept": share(counts["quote"]["right"], total),
            "topic_top3": share(counts["topic"]["right"], self.with_topic),
            "move_right_or_blank": share(counts["move"]["right"] + counts["move"]["blank"], total),
            "move_wrong": share(counts["move"]["wrong"], total),
        }


@dataclass
class Report:
    articles: list[tuple[Article, Verdicts]]
    total: Verdicts

    def as_dict(self) -> dict:
        return {
            "articles": [
                {"file": article.path.name, "positions": verdicts.total, **verdicts.figures()}
                for article, verdicts in self.articles
            ],
            "total": {
                "articles": len(self.articles),
                "positions": self.total.total,
                "highlighted": self.total.highlighted,
                **self.total.figures(),
            },
            "counts": {name: dict(self.total.counts[name]) for name in FIELDS},
            "offers": {name: dict(self.total.offers[name]) for name in TIERED},
            "kinds": [
                {"field": name, "kind": kind, "verdict": verdict, "count": count}
                for (name, kind, verdict), count in sorted(self.total.kinds.items())
            ],
            "details": self.total.details,
            "noise": self.total.noisy,
        }


def article_paths(paths: list[Path]) -> list[Path]:
    """The article files named, a folder standing for every ``*.json`` file in it."""
    found = []
    for path in paths:
        found.extend(sorted(path.glob("*.json")) if path.is_dir() else [path])
    return found


def load_article(path: Path) -> Article:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise EvaluationError(f"{path}: cannot read it as JSON: {error}") from error
    try:
        text = data["text"]
        published = datetime.date.fromisoformat(data["published"])
        positions = [_expected(entry, text) for entry in data["positions"]]
    except KeyError as error:
        raise EvaluationError(f"{path}: missing field {error}") from error
    except (TypeError, ValueError) as error:
        raise EvaluationError(f"{path}: {error}") from error
    return Article(
        path=path,
        url=data.get("url", ""),
        outlet=data.get("outlet", ""),
        published=published,
        title=data.get("title", "") or path.stem,
        text=text,
        positions=positions,
        language=data.get("language") or "en",
    )


def _expected(entry: dict, text: str) -> Expected:
    anchors = find_anchors(text, entry["quote"])
    if not anchors:
        raise ValueError(f"quote not in the text: {entry['quote']!r}")
    stated_on = entry.get("stated_on")
    return Expected(
        party=entry.get("party") or "",
        speaker=entry.get("speaker") or "",
        quote=entry["quote"],
        stated_on=datetime.date.fromisoformat(stated_on) if stated_on else None,
        precision=entry.get("stated_on_precision") or DatePrecision.DAY,
        topic=entry.get("topic") or "",
        move=entry.get("move") or "",
        start=anchors[0].start,
        end=anchors[0].end,
    )


def evaluate(articles: list[Article], *, record: list[Path] = ()) -> Report:
    """Run the extraction on every article against the record, then roll everything back."""
    with transaction.atomic():
        seeds = sorted((Path(settings.BASE_DIR) / "seeds").glob("*.yaml"))
        load_seed_files([*seeds, *record])
        sources = [_scratch_source(article) for article in articles]
        _code_positions(articles, sources)
        report = Report(articles=[], total=Verdicts())
        for article, source in zip(articles, sources, strict=True):
            verdicts = score(article, extraction.propose(source))
            report.articles.append((article, verdicts))
            report.total.add(verdicts)
        transaction.set_rollback(True)
    return report


def _scratch_source(article: Article) -> Source:
    noon = datetime.datetime.combine(article.published, datetime.time(12))
    source = Source(
        title=article.title[:500],
        outlet=article.outlet[:200],
        published_at=timezone.make_aware(noon),
        text=article.text,
        language=article.language,
    )
    source.save()
    return source


def _code_positions(articles: list[Article], sources: list[Source]) -> None:
    """Record every article's coded positions, as editors would have, for topic suggestions
    learned from the record; each article is then read against the others' positions."""
    parties = {party.slug: party for party in Party.objects.all()}
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    rows = []
    for article, source in zip(articles, sources, strict=True):
        for expected in article.positions:
            if expected.party in parties and expected.topic in topics:
                rows.append(
                    Position(
                        source=source,
                        party=parties[expected.party],
                        topic=topics[expected.topic],
                        quote=expected.quote,
                        summary=expected.quote[:500],
                        stance=Stance.AMBIGUOUS,
                        move=expected.move or Move.ASSESSMENT,
                        stated_on=expected.stated_on or article.published,
                        status=Status.DRAFT,
                    )
                )
    Position.objects.bulk_create(rows)


def score(article: Article, proposals: list[extraction.Proposal]) -> Verdicts:
    verdicts = Verdicts(total=len(article.positions))
    highlighted = [p for p in proposals if p.drafts]
    verdicts.highlighted = len(highlighted)
    spans = [(e.start, e.end) for e in article.positions]
    verdicts.noisy = [
        {"file": article.path.name, "sentence": p.sentence.text}
        for p in highlighted
        if not any(_overlap(p.sentence.start, p.sentence.end, *s) for s in spans)
    ]
    verdicts.noise = len(verdicts.noisy)
    for expected in article.positions:
        candidates = [
            draft
            for proposal in highlighted
            if _overlap(
                proposal.sentence.start, proposal.sentence.end, expected.start, expected.end
            )
            for draft in proposal.drafts
        ]
        verdicts.with_topic += bool(expected.topic)
        draft = _best_draft(candidates, expected)
        found = draft is not None
        verdicts.found += found
        judged = _judge(expected, draft) if found else dict.fromkeys(FIELDS, "blank")
        if not expected.topic:
            judged.pop("topic")
        for name, verdict in judged.items():
            verdicts.counts[name][verdict] += 1
        if found:
            _judge_offers(expected, draft, judged, verdicts)
        verdicts.details.append(_detail(article, expected, draft, judged))
    return verdicts


def _overlap(start, end, other_start, other_end) -> bool:
    return start < other_end and other_start < end


def _same_quote(one: str, other: str) -> bool:
    def folded(quote):
        return normalise(quote).strip().strip("\"'“”‘’ ").rstrip(".,;:").strip("\"'“”‘’ ")

    return folded(one).casefold() == folded(other).casefold()


def _best_draft(candidates, expected: Expected):
    if not candidates:
        return None
    for draft in candidates:
        if _same_quote(draft.quote, expected.quote):
            return draft

    def shared(draft):
        end = draft.start + len(draft.quote)
        return min(end, expected.end) - max(draft.start, expected.start)

    return max(candidates, key=shared)


def _verdict(expected, suggested) -> str:
    if not suggested:
        return "right" if not expected else "blank"
    return "right" if suggested == expected else "wrong"


def _speaker_name(draft) -> str:
    if draft.speaker is not None:
        return draft.speaker.name
    return draft.new_speaker.name if draft.new_speaker else ""


def _party_slug(draft) -> str:
    party = draft.party or (draft.new_speaker.party if draft.new_speaker else None)
    return party.slug if party else ""


def _date_value(day, precision) -> str:
    if day is None:
        return ""
    if precision == DatePrecision.MONTH:
        return day.strftime("%Y-%m")
    if precision == DatePrecision.YEAR:
        return day.strftime("%Y")
    return day.isoformat()


def _date_verdict(expected: Expected, draft) -> str:
    if expected.precision == DatePrecision.APPROXIMATE and expected.stated_on and draft.stated_on:
        # "last week": right when it is given as approximate and within that week or so.
        close = abs((draft.stated_on - expected.stated_on).days) <= APPROXIMATE_DAYS
        return "right" if close and draft.date_precision == DatePrecision.APPROXIMATE else "wrong"
    return _verdict(
        _date_value(expected.stated_on, expected.precision),
        _date_value(draft.stated_on, draft.date_precision or DatePrecision.DAY),
    )


def _judge(expected: Expected, draft) -> dict[str, str]:
    topics = [topic.slug for topic in draft.topics[:3]]
    return {
        "speaker": _verdict(expected.speaker.casefold(), _speaker_name(draft).casefold()),
        "party": _verdict(expected.party, _party_slug(draft)),
        "date": _date_verdict(expected, draft),
        "quote": "right" if _same_quote(draft.quote, expected.quote) else "wrong",
        "topic": ("right" if expected.topic in topics else "wrong") if topics else "blank",
        "move": _verdict(expected.move, draft.move),
    }


def _judge_offers(expected: Expected, draft, judged: dict, verdicts: Verdicts) -> None:
    """Count the offers a draft makes for its blank fields, and every tiered suggestion by
    the kind of evidence behind it."""
    offered = {offer.field: offer for offer in draft.offers}
    for name in TIERED:
        kind = draft.kinds.get(name, "")
        verdict = judged[name]
        if (offer := offered.get(name)) is not None:
            verdict = _judge(expected, _Offered(name, offer))[name]
            verdicts.offers[name][verdict] += 1
        elif verdict == "blank" or not kind:
            continue
        verdicts.kinds[(name, kind or "-", verdict)] += 1


class _Offered:
    """A draft-like view of one offer, so that it is judged as a filled-in field would be."""

    def __init__(self, name: str, offer):
        self.speaker = self.new_speaker = self.party = self.stated_on = None
        self.date_precision, self.quote, self.topics, self.move = "", "", [], ""
        if name == "speaker":
            is_person = hasattr(offer.value, "pk")
            self.speaker = offer.value if is_person else None
            self.new_speaker = None if is_person else offer.value
        elif name == "party":
            self.party = offer.value
        else:
            self.stated_on, self.date_precision = offer.value, offer.precision


def _detail(article: Article, expected: Expected, draft, judged: dict) -> dict:
    suggested = {}
    if draft is not None:
        suggested = {
            "speaker": _speaker_name(draft),
            "party": _party_slug(draft),
            "date": _date_value(draft.stated_on, draft.date_precision or DatePrecision.DAY),
            "quote": draft.quote,
            "topics": [topic.slug for topic in draft.topics[:3]],
            "move": draft.move,
            # The kind of evidence behind each suggestion, as confidence.py ranks them.
            "kinds": {field: kind for field, kind in draft.kinds.items() if kind},
            # Why each field holds what it holds, or why it is blank.
            "evidence": {
                name: draft.evidence.get(name, "") for name in TIERED if draft.evidence.get(name)
            },
            # What is offered beside a blank field, as the editor reads it.
            "offers": {offer.field: offer.label for offer in draft.offers},
        }
    return {
        "file": article.path.name,
        "quote": expected.quote,
        "found": draft is not None,
        "expected": {
            "speaker": expected.speaker,
            "party": expected.party,
            "date": _date_value(expected.stated_on, expected.precision),
            "topic": expected.topic,
            "move": expected.move,
        },
        "suggested": suggested,
        "verdicts": judged,
    }


def worse_than(figures: dict[str, float], baseline: dict[str, float]) -> dict[str, tuple]:
    """The figures that got worse than the baseline's, as (now, baseline) by name."""
    worse = {}
    for name, recorded in baseline.items():
        now = figures.get(name)
        if now is None:
            continue
        if (now < recorded) if name in HIGHER_IS_BETTER else (now > recorded):
            worse[name] = (now, recorded)
    return worse


def read_baseline(path: Path) -> dict[str, float]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))["figures"]
    except (OSError, ValueError, KeyError) as error:
        raise EvaluationError(f"{path}: not a baseline file: {error}") from error


def write_baseline(path: Path, report: Report) -> None:
    total = report.as_dict()["total"]
    data = {
        "about": "Figures of `make eval-extraction`, recorded; the tests fail if one gets worse.",
        "articles": total["articles"],
        "positions": total["positions"],
        "figures": report.total.figures(),
    }
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
