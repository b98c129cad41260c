"""An article's sentences, with their offsets: the unit every suggestion is made for."""

import re
from dataclasses import dataclass
from functools import cache

import pysbd


@dataclass
class Sentence:
    text: str
    start: int
    end: int


# Segmenters by a source's language; Ukrainian shares Russian's abbreviations and
# punctuation, and a language without rules of its own is split as English.
_SEGMENTER_LANGUAGES = {"en": "en", "ru": "ru", "uk": "ru"}


# Ends the segmenter misses: "… wrote on X. Zelenskiy, he added, …" (the network, not an
# initial); '… as "an anti-Russian bridgehead." "Without …," she wrote' (one quotation ending,
# the next beginning).
_MISSED_END = re.compile(
    r"(?:(?<=\bon X\.)|(?<=\bvia X\.))\s+(?=[A-ZА-ЯЁІЇЄҐ“\"«])"
    r"|(?<=[.!?][\"”»])\s+(?=[\"“«][A-ZА-ЯЁІЇЄҐ])"
)


@cache
def segmenter(language: str = "en") -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language, clean=False, char_span=True)


def split_sentences(text: str, language: str = "en") -> list[Sentence]:
    """Sentences with their offsets in ``text``; a paragraph never spans two sentences.

    ``language`` is the source's BCP 47 code ("ru", "uk-UA").
    """
    splitter = segmenter(_SEGMENTER_LANGUAGES.get(language.split("-")[0].lower(), "en"))
    sentences = []
    offset = 0
    for paragraph in text.split("\n"):
        cursor = 0
        if paragraph.strip():
            for span in splitter.segment(paragraph):
                stripped = span.sent.strip()
                # Locate each sentence after the previous one, so repeated sentences and
                # any drift in the segmenter's own spans cannot misplace it.
                found = paragraph.find(stripped, cursor) if stripped else -1
                if found == -1:
                    continue
                cursor = found + len(stripped)
                start = offset + found
                at = 0
                for end in _MISSED_END.finditer(stripped):
                    piece = stripped[at : end.start()]
                    sentences.append(Sentence(piece, start + at, start + end.start()))
                    at = end.end()
                sentences.append(Sentence(stripped[at:], start + at, start + len(stripped)))
        offset += len(paragraph) + 1
    return sentences
