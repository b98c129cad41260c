"""What a read request may ask for: one set of rules, limits and messages for the readers'
pages and the API.

These are plain Django forms: a page renders their errors with a 400, the API turns them
into the same 400 as its own validation errors (``{parameter: [message]}``).
"""

import datetime
import re
from collections.abc import Iterable

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from positions.models import Party, Topic

# Counted after splitting on commas: enough for every party and topic ticked on the page.
MAX_SLUGS = 100
# ASCII digits only: ``\d`` would accept the digits of other scripts.
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
ID = re.compile(r"[0-9]{1,18}")  # row ids are 64-bit
DEFAULT_TIMELINE_LIMIT = 500
MAX_TIMELINE_LIMIT = 1000

DATE_FORMAT_ERROR = "Write the date as YYYY-MM-DD, e.g. 2025-03-16."
IMPOSSIBLE_DATE_ERROR = "{value} is not a date in the calendar."
ONCE_ERROR = "Give this parameter only once."
TOO_MANY_SLUGS_ERROR = f"Give at most {MAX_SLUGS} slugs."
UNKNOWN_SLUG_ERROR = "Unknown slug: {slugs}."
AS_OF_WITH_RANGE_ERROR = "Give either “as_of”, or “from” and “to”, not both."
TO_WITHOUT_FROM_ERROR = "“to” needs “from”, the date to compare with."
TO_BEFORE_FROM_ERROR = "“to” must not be before “from”."
SHOW_ERROR = "Give “all”, “divides” or “common-ground”."
FLAG_ERROR = "Give 1 (yes) or 0 (no)."
LIMIT_ERROR = f"Give a whole number from 1 to {MAX_TIMELINE_LIMIT}."
BEFORE_ERROR = (
    "Give `DATE,ID` as in the `next` link (e.g. `2025-03-16,1234`), or a date `YYYY-MM-DD`."
)


def iso_date(text: str) -> datetime.date:
    """``YYYY-MM-DD``, telling a date not written so from one the calendar lacks."""
    if not ISO_DATE.fullmatch(text):
        raise ValidationError(DATE_FORMAT_ERROR, code="invalid")
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            IMPOSSIBLE_DATE_ERROR.format(value=text), code="impossible_date"
        ) from None


class IsoDateField(forms.DateField):
    """A date written ``YYYY-MM-DD`` and no other way."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return value
        return iso_date(str(value).strip())


class SlugsInput(forms.TextInput):
    """Every value of a parameter that may repeat (``?topics=a&topics=b``)."""

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name)


def split_slugs(value) -> list[str]:
    """Slugs given as repeated parameters, comma-separated, or both; each once, in order."""
    items = value if isinstance(value, list | tuple) else [value] if value else []
    parts = (part.strip() for item in items for part in str(item).split(","))
    return list(dict.fromkeys(part for part in parts if part))


class SlugsField(forms.Field):
    """Slugs of rows; the form checks that they name existing rows."""

    widget = SlugsInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value) -> list[str]:
        slugs = split_slugs(value)
        if len(slugs) > MAX_SLUGS:
            raise ValidationError(TOO_MANY_SLUGS_ERROR, code="too_many")
        return slugs


def sees_drafts(user) -> bool:
    """Editorial staff see drafts and positions in review; readers see public ones only."""
    return bool(user and user.is_authenticated and user.has_perm("positions.view_position"))


def nameable(model, user=None):
    """The rows of ``model`` that ``user``'s request may name in a parameter: every row to
    those who see drafts, else only public ones, so that a record not yet public is
    refused exactly as one that does not exist."""
    return model.objects.all() if sees_drafts(user) else model.objects.public()


def unknown_slugs_error(slugs: Iterable[str]) -> ValidationError:
    return ValidationError(UNKNOWN_SLUG_ERROR.format(slugs=", ".join(slugs)), code="unknown")


def existing_slugs(slugs: list[str], model, rows=None) -> list[str]:
    """The slugs as given, or an error naming those no row has; ``rows``: every row, when
    the caller has them already."""
    if not slugs:
        return slugs
    if rows is None:
        known = set(nameable(model).filter(slug__in=slugs).values_list("slug", flat=True))
    else:
        known = {row.slug for row in rows}
    if unknown := [slug for slug in slugs if slug not in known]:
        raise unknown_slugs_error(unknown)
    return slugs


def with_subtopics(chosen_ids: Iterable[int], tree: Iterable[tuple[int, int | None]]) -> set[int]:
    """The chosen topics and every topic nested under them; ``tree`` is (id, parent id)."""
    children: dict[int | None, list[int]] = {}
    for topic_id, parent_id in tree:
        children.setdefault(parent_id, []).append(topic_id)
    found, pending = set(), list(chosen_ids)
    while pending:
        topic_id = pending.pop()
        if topic_id not in found:
            found.add(topic_id)
            pending.extend(children.get(topic_id, ()))
    return found


def topic_ids_with_descendants(topic_ids: Iterable[int]) -> set[int]:
    """The given topics and every topic nested under them, in one query."""
    return with_subtopics(topic_ids, Topic.objects.values_list("id", "parent_id"))


class ReadRequestForm(forms.Form):
    """A query string read by rules shared by pages and API."""

    def clean(self):
        data = super().clean()
        for name, field in self.fields.items():
            # A page would otherwise quietly take the last value, where the API refuses.
            if not isinstance(field, SlugsField) and len(self.data.getlist(name)) > 1:
                self.add_error(name, ValidationError(ONCE_ERROR, code="repeated"))
        return data

    def typed_slugs(self, name: str) -> list[str]:
        """The slugs as the reader typed them, valid or not: to tick them again."""
        return split_slugs(self[name].value())


class FlagField(forms.Field):
    """A yes/no parameter: 1, true, on or yes; 0, false, off, no or absent."""

    YES, NO = {"1", "true", "on", "yes"}, {"", "0", "false", "off", "no"}

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value) -> bool:
        text = str(value or "").strip().lower()
        if text in self.YES:
            return True
        if text in self.NO:
            return False
        raise ValidationError(FLAG_ERROR, code="invalid")


class CompareForm(ReadRequestForm):
    """The matrix as of a date (``as_of``, default today), or what changed from ``from``
    to ``to`` (default today). Choosing a topic chooses its sub-topics too."""

    as_of = IsoDateField(
        required=False, help_text="Matrix as of this date (YYYY-MM-DD). Default: today."
    )
    to = IsoDateField(
        required=False,
        help_text="With `from`: list what changed up to this date (YYYY-MM-DD). Default: today.",
    )
    parties = SlugsField(help_text="Party slugs; repeat or separate with commas. Default: all.")
    topics = SlugsField(
        help_text="Topic slugs, each bringing its sub-topics; repeat or separate with commas. "
        "Default: all."
    )

    show = forms.ChoiceField(
        required=False,
        choices=[
            ("all", "every proposition"),
            ("divides", "divides only"),
            ("common-ground", "common ground only"),
        ],
        error_messages={"invalid_choice": SHOW_ERROR},
        help_text="Matrix only: `divides` or `common-ground` keeps the propositions so marked "
        "among the compared parties (see the methodology page). Default: `all`.",
    )
    hide_empty = FlagField(
        help_text="Matrix only: 1 leaves out parties and propositions with no known position "
        "among the others shown. Default: 0."
    )

    def __init__(self, *args, parties=None, topics=None, **kwargs):
        """``parties`` and ``topics``: every row, when the caller has them already."""
        super().__init__(*args, **kwargs)
        # ``from`` is a Python keyword, hence added here rather than declared.
        self.fields["from"] = IsoDateField(
            required=False, help_text="List what changed since this date (YYYY-MM-DD)."
        )
        self.order_fields(["as_of", "from", "to", "parties", "topics", "show", "hide_empty"])
        self.all_parties, self.all_topics = parties, topics

    def clean_parties(self) -> list[str]:
        return existing_slugs(self.cleaned_data["parties"], Party, self.all_parties)

    def clean_show(self) -> str:
        return self.cleaned_data["show"] or "all"

    def clean_topics(self) -> list[str]:
        slugs = self.cleaned_data["topics"]
        if not slugs:
            return slugs
        if self.all_topics is None:
            rows = Topic.objects.values_list("id", "parent_id", "slug")
        else:
            rows = [(topic.id, topic.parent_id, topic.slug) for topic in self.all_topics]
        id_of = {slug: topic_id for topic_id, _, slug in rows}
        if unknown := [slug for slug in slugs if slug not in id_of]:
            raise unknown_slugs_error(unknown)
        chosen = with_subtopics(
            (id_of[slug] for slug in slugs), ((i, parent) for i, parent, _ in rows)
        )
        return [slug for slug, topic_id in id_of.items() if topic_id in chosen]

    def clean(self):
        data = super().clean()
        if {"as_of", "from", "to"} & set(self.errors):
            return data
        start, end, as_of = data.get("from"), data.get("to"), data.get("as_of")
        today = timezone.localdate()
        if as_of and (start or end):
            self.add_error("as_of", ValidationError(AS_OF_WITH_RANGE_ERROR, code="both"))
        elif end and not start:
            self.add_error("from", ValidationError(TO_WITHOUT_FROM_ERROR, code="required"))
        elif start and start > (end or today):
            self.add_error("to", ValidationError(TO_BEFORE_FROM_ERROR, code="before"))
        elif start:
            data["to"] = end or today
        else:
            data["as_of"] = as_of or today
        return data

    @property
    def lists_changes(self) -> bool:
        """Whether the request asks what changed (``from``), rather than for the matrix."""
        return bool(self.data.get("from") or self.data.get("to"))


def timeline_key(text: str) -> tuple[datetime.date, int]:
    """``DATE,ID`` as a (stated_on, id) key; a bare ``DATE`` means before that day."""
    day, _, position_id = text.partition(",")
    if not ISO_DATE.fullmatch(day) or not (position_id == "" or ID.fullmatch(position_id)):
        raise ValidationError(BEFORE_ERROR, code="invalid")
    try:
        stated_on = datetime.date.fromisoformat(day)
    except ValueError:
        raise ValidationError(BEFORE_ERROR, code="invalid") from None
    # Ids start at 1, so (day, 0) comes before every statement of that day.
    return stated_on, int(position_id or 0)


class TimelineForm(ReadRequestForm):
    """A window of a topic's timeline: the newest ``limit`` statements before ``before``."""

    topic = forms.CharField(help_text="Topic slug (required), e.g. `ukraine-nato-membership`.")
    party = SlugsField(help_text="Party slug; repeat or separate with commas. Default: all.")
    limit = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_TIMELINE_LIMIT,
        error_messages=dict.fromkeys(("invalid", "min_value", "max_value"), LIMIT_ERROR),
        help_text=f"How many of the newest statements to return, across the requested parties: "
        f"1 to {MAX_TIMELINE_LIMIT} (default {DEFAULT_TIMELINE_LIMIT}).",
    )
    before = forms.CharField(
        required=False,
        help_text="Only statements older than this key, `DATE,ID` (a point's date and "
        "position id), or older than a day, `DATE`. The `next` link carries it.",
    )

    def clean_topic(self) -> Topic:
        slug = self.cleaned_data["topic"]
        topic = nameable(Topic).filter(slug=slug).first()
        if topic is None:
            raise unknown_slugs_error([slug])
        return topic

    def clean_party(self) -> list[str]:
        return existing_slugs(self.cleaned_data["party"], Party)

    def clean_limit(self) -> int:
        limit = self.cleaned_data["limit"]
        return DEFAULT_TIMELINE_LIMIT if limit is None else limit

    def clean_before(self) -> tuple[datetime.date, int] | None:
        text = self.cleaned_data["before"]
        return timeline_key(text) if text else None
