"""Telling an editor which passage of the source their mistyped quote most resembles."""

from rapidfuzz import fuzz

# Below this similarity (0–100) the passage is too unlike the quote to be worth showing.
MIN_SCORE = 70

# Same-length replacements only, so offsets into the folded text are offsets into the original.
_FOLD = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4\u0060", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        **dict.fromkeys("\u00a0\u2009\u202f\n\r\t", " "),
    }
)


def nearest_passage(text: str, quote: str) -> str | None:
    """The passage of ``text`` closest to ``quote``, widened to whole words, if close enough."""
    quote = quote.strip()
    if not text or not quote or len(quote) > len(text):
        return None
    folded_text = text.translate(_FOLD).lower()
    folded_quote = " ".join(quote.translate(_FOLD).lower().split())
    match = fuzz.partial_ratio_alignment(folded_quote, folded_text)
    if match is None or match.score < MIN_SCORE:
        return None
    start, end = match.dest_start, match.dest_end
    # Widen to whole words, without the quotation marks around a passage.
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return " ".join(text[start:end].split()).strip("\"'“”‘’«» ")
