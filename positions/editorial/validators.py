"""Text the database can store: no NUL character (PostgreSQL refuses it) and no lone
surrogate (not encodable as UTF-8). Forms and the request guard refuse both earlier; the
services check again so that no other caller can turn them into a database error."""

import re

from django.core.exceptions import ValidationError
from django.utils import timezone

from positions.models.base import NOTE_MAX_LENGTH

NUL_MESSAGE = "Text cannot contain the NUL character (\\0)."
SURROGATE_MESSAGE = "Text contains an invalid character (a lone UTF-16 surrogate)."


def storable_text_problem(value) -> str | None:
    if not isinstance(value, str):
        return None
    if "\x00" in value:
        return NUL_MESSAGE
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return SURROGATE_MESSAGE
    return None


def require_storable_text(**texts) -> None:
    """Raise one ValidationError naming every field whose text cannot be stored."""
    problems = {
        name: problem for name, value in texts.items() if (problem := storable_text_problem(value))
    }
    if problems:
        raise ValidationError(problems)


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")


def require_translation(*, quote: str, translation: str) -> None:
    """A quote written mostly in Cyrillic (a Russian or Ukrainian source) is kept as printed,
    and readers need its English translation beside it."""
    if translation.strip() or not quote:
        return
    if len(_CYRILLIC.findall(quote)) > len(_LATIN.findall(quote)):
        raise ValidationError(
            {
                "quote_translation": "The quote is not in English: give its English "
                "translation; the original stays as printed in the source."
            }
        )


def require_dated_before_source(*, long_standing: bool, stated_on, source) -> None:
    """A long-standing stance precedes the statements its source reports, so that the
    timeline puts the change after it: it is dated before the day the source appeared."""
    if not (long_standing and stated_on and source is not None and source.published_at):
        return
    published = timezone.localtime(source.published_at).date()
    if stated_on >= published:
        raise ValidationError(
            {
                "stated_on": f"A long-standing stance is dated before the source appeared "
                f"({published:%d %b %Y}): give the latest day it was surely held, e.g. the day "
                "before the statement that changed it, with an approximate precision."
            }
        )


def require_consistent(*, position) -> None:
    """Rules between a position's fields: a translation beside a quote not in English, and
    a long-standing stance dated before its source."""
    require_translation(quote=position.quote, translation=position.quote_translation)
    require_dated_before_source(
        long_standing=position.long_standing,
        stated_on=position.stated_on,
        # A missing source is reported by the model's own validation.
        source=getattr(position, "source", None),
    )


def require_note(note: str, *, missing: str) -> str:
    """A correction note as stored in the history: given (else ``missing``), storable and
    at most ``NOTE_MAX_LENGTH`` characters. Returns it trimmed."""
    require_storable_text(note=note)
    note = note.strip()
    if not note:
        raise ValidationError({"note": missing})
    if len(note) > NOTE_MAX_LENGTH:
        limit = f"A note can be at most {NOTE_MAX_LENGTH:,} characters"
        raise ValidationError({"note": f"{limit}; this one has {len(note):,}."})
    return note
