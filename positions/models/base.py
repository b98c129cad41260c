"""What every row of the record shares: timestamps, and the fingerprint of a source's text."""

import hashlib

from django.core.validators import MaxLengthValidator, RegexValidator
from django.db import models

wikidata_id_validator = RegexValidator(
    r"^Q[1-9][0-9]*$", "A Wikidata ID looks like Q159: the letter Q and a number."
)


QUOTE_MAX_LENGTH = 10_000
# Every free-text field is bounded, so that no form or API call can store a book in one.
# A source's text: far above a long article (50,000 characters), far below what would
# make its pages and extraction slow.
SOURCE_TEXT_MAX_LENGTH = 1_000_000
# Descriptions and lists of other names.
DESCRIPTION_MAX_LENGTH = 10_000
# Conditions, review comments, retraction reasons and correction notes.
NOTE_MAX_LENGTH = 5_000


def bounded(limit: int, what: str = "This text") -> list[MaxLengthValidator]:
    """The validator that refuses text over ``limit`` characters, saying so."""
    message = f"{what} can be at most {limit:,} characters; this one has %(show_value)s."
    return [MaxLengthValidator(limit, message)]


def text_sha256(text: str) -> str:
    """Fingerprint of a source text, so quotes anchored in an older text can be found."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest() if text else ""


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True
