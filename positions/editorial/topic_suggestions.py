"""Which topics a statement is most likely about, learned from the record.

Each topic is described by its name, proposition and description, and by the quotes and
summaries editors have already coded under it. A statement is compared with both by TF-IDF
cosine similarity over word stems; the more positions editors code, the better it gets.
"""

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from positions.editorial import glossary
from positions.editorial.names import words
from positions.models import Position, Topic
from positions.models.choices import Status

# How many coded positions are read per extraction, newest first: enough to learn from,
# bounded so a large record does not slow the page.
EXAMPLES = 3000
# A coded position close to the statement counts as much as the topic's own wording; a
# second close one confirms it.
EXAMPLE_WEIGHTS = (1.0, 0.5)
DEFINITION_WEIGHT = 1.0
CONTEXT_WEIGHT = 0.4
# Below this a topic shares too little with the statement to be worth suggesting.
MIN_SCORE = 0.08

_STOPWORDS = frozenset(
    words(
        """
    a an and are as at be been being but by for from has had have he her his i if in into is
    it its of on or our she so than that the their them then there these they this those to
    was we were what when which while who will with would should could can may might must
    not no any all also more most other some such only very about after before over under
    between said says told say added part against new one two three whether because up out
    do does did
    """
    )
)


def stem(word: str) -> str:
    """A light English stem: enough to match "guarantees" with "guarantee", "deployed" with
    "deployment"."""
    for suffix in ("ments", "ment", "ings", "ing", "ies", "ied", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:7]


def terms(text: str) -> Counter:
    # Russian and Ukrainian words count by their English in the glossary.
    text = f"{text} {glossary.english(text)}"
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)?", text.lower().replace("’", "'"))
    return Counter(stem(word) for word in words if word not in _STOPWORDS and len(word) > 2)


@dataclass
class TopicScore:
    topic: Topic
    score: float
    evidence: str


class TopicSuggester:
    """Topics ranked by how close a statement is to their wording and coded positions."""

    def __init__(self, topics: list[Topic], examples: list[tuple[str, int]]):
        self.topics = {topic.pk: topic for topic in topics}
        documents = [
            (terms(f"{t.name} {t.proposition} {t.description}"), t.pk, None) for t in topics
        ]
        documents += [
            (terms(text), topic_id, text) for text, topic_id in examples if topic_id in self.topics
        ]
        frequency = Counter()
        for counts, _, _ in documents:
            frequency.update(counts.keys())
        total = len(documents) or 1
        self.idf = {
            term: math.log((1 + total) / (1 + count)) + 1 for term, count in frequency.items()
        }
        # An inverted index, so a statement is compared only with documents sharing a word.
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        self.documents = []
        for number, (counts, topic_id, text) in enumerate(documents):
            vector = self._vector(counts)
            self.documents.append((topic_id, text))
            for term, weight in vector.items():
                self.postings[term].append((number, weight))

    def _vector(self, counts: Counter, context: Counter | None = None) -> dict[str, float]:
        vector = {term: 1 + math.log(count) for term, count in counts.items()}
        for term in context or ():
            # Words around the quote ("referring to the proposed limits on the army") help a
            # little: "We cannot agree to this" names no topic by itself.
            vector[term] = vector.get(term, 0.0) + CONTEXT_WEIGHT
        vector = {term: weight * self.idf.get(term, 1.0) for term, weight in vector.items()}
        norm = math.sqrt(sum(weight * weight for weight in vector.values())) or 1.0
        return {term: weight / norm for term, weight in vector.items()}

    def suggest(self, text: str, context: str = "", limit: int = 3) -> list[TopicScore]:
        query = self._vector(terms(text), terms(context) if context else None)
        similarity: dict[int, float] = defaultdict(float)
        for term, weight in query.items():
            for number, other in self.postings.get(term, ()):
                similarity[number] += weight * other
        # Per topic: its definition's similarity, and its two closest coded positions.
        definition: dict[int, float] = defaultdict(float)
        examples: dict[int, list[tuple[float, str]]] = defaultdict(list)
        for number, score in similarity.items():
            topic_id, example = self.documents[number]
            if example:
                examples[topic_id].append((score, example))
            else:
                definition[topic_id] = score
        scored = []
        for topic_id in set(definition) | set(examples):
            closest = sorted(examples[topic_id], reverse=True)[:2]
            score = DEFINITION_WEIGHT * definition[topic_id] + sum(
                weight * similar
                for weight, (similar, _) in zip(EXAMPLE_WEIGHTS, closest, strict=False)
            )
            if closest and closest[0][0] > DEFINITION_WEIGHT * definition[topic_id]:
                why = f"like the coded “{closest[0][1][:80]}”"
            else:
                why = "its proposition's words"
            scored.append((score, topic_id, why))
        scored.sort(key=lambda row: (-row[0], self.topics[row[1]].name))
        return [
            TopicScore(self.topics[topic_id], round(score, 3), why)
            for score, topic_id, why in scored[:limit]
            if score >= MIN_SCORE
        ]


def suggester_for(source) -> TopicSuggester:
    """A suggester learned from the record's coded positions, other than this article's own."""
    examples = (
        Position.objects.exclude(status=Status.RETRACTED)
        .exclude(source__text_sha256=source.text_sha256)
        .order_by("-id")
        .values_list("quote", "summary", "topic_id")[:EXAMPLES]
    )
    return TopicSuggester(
        list(Topic.objects.all()),
        [(f"{quote} {summary}", topic_id) for quote, summary, topic_id in examples],
    )
