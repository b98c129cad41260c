"""What every row of the record shares: timestamps, and the fingerprint of a source's text."""

import hashlib

from django.core.validators import RegexValidator
from django.db import models

wikidata_id_validator = RegexValidator(
    r"^Q[1-9][0-9]*$", "A Wikidata ID looks like Q159: the letter Q and a number."
)


QUOTE_MAX_LENGTH = 10_000


def text_sha256(text: str) -> str:
    """Fingerprint of a source text, so quotes anchored in an older text can be found."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest() if text else ""


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True
