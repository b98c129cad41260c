"""Text the database can store: no NUL character (PostgreSQL refuses it) and no lone
surrogate (not encodable as UTF-8). Forms and the request guard refuse both earlier; the
services check again so that no other caller can turn them into a database error."""

import re

from django.core.exceptions import ValidationError

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
