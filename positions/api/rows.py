"""Serializers read as plain rows: how the API writes records by the thousand.

A serializer is the one definition of what the API shows of a record: its fields, their
order, help and schema. Run field by field over a thousand model instances, DRF costs many
times the query; so ``Rows(SerializerClass)`` reads the columns its fields name with
``values()`` and writes each row with getters built once from those same fields. A field
of a kind it cannot read from a row is refused when the ``Rows`` is built, never shown
another way.
"""

import functools
from collections.abc import Callable, Iterable, Iterator
from operator import attrgetter, itemgetter
from typing import NamedTuple

from django.db.models import QuerySet
from rest_framework import serializers

from positions.api.serializers.fields import BlankAsNullChoiceField, MomentField, RecordLinkField
from positions.reading.links import RecordUrls


class Writing(NamedTuple):
    """What one response's rows are written with: looked up once, not once per value."""

    origin: str  # scheme and host of the request, for absolute addresses
    urls: RecordUrls


# A conversion's plan: from one response's ``Writing`` to the function that converts a value
# as read into the value shown, or None when it is shown as read.
Plan = Callable[[Writing], Callable | None]


class Level(NamedTuple):
    """One object of a serializer's output: its keys in order, the column each is read from,
    the conversions of some of those values, and the objects nested in it (by key)."""

    keys: tuple[str, ...]
    columns: tuple[str, ...]
    conversions: list[tuple[str, Plan]]
    nested: list[tuple[str, "Level", str | None]]  # key, object, column saying it is null


def _link(view_name: str, kwarg: str) -> Plan:
    return lambda writing: writing.urls.maker(view_name, kwarg, writing.origin)


def _unless_null(convert: Callable) -> Plan:
    return lambda writing: lambda value: None if value is None else convert(value)


def _always(convert: Callable) -> Plan:
    return lambda writing: convert


def _blank_as_null(writing: Writing):
    return lambda value: value or None


def _column(prefix: str, attrs: Iterable[str]) -> str:
    return prefix + "__".join("id" if attr == "pk" else attr for attr in attrs)


def _level(serializer, prefix: str) -> Level:
    """How ``serializer``'s output is read from a row whose columns start with ``prefix``."""
    model = serializer.Meta.model
    keys, columns, conversions, nested = [], [], [], []
    for key, field in serializer.fields.items():
        if field.write_only:
            continue
        attrs = field.source_attrs
        column = _column(prefix, attrs)
        if isinstance(field, RecordLinkField):
            column = _column(prefix, [field.lookup_field])
            conversions.append((key, _link(field.view_name, field.lookup_field)))
        elif isinstance(field, RowsListSerializer):
            conversions.append((key, _each(_level(field.child, ""))))
        elif isinstance(field, serializers.ModelSerializer):
            child = _level(field, column + "__")
            column = child.columns[child.keys.index("id")]
            nested.append((key, child, column if field.allow_null else None))
        elif isinstance(field, serializers.ChoiceField) and attrs[-1].startswith("get_"):
            name = attrs[-1].removeprefix("get_").removesuffix("_display")
            column = _column(prefix, [*attrs[:-1], name])
            model_field = _model_field(model, attrs[:-1], name)
            labels = {value: str(label) for value, label in model_field.flatchoices}
            plan = _unless_null if model_field.null else _always
            conversions.append((key, plan(labels.__getitem__)))
        elif isinstance(field, BlankAsNullChoiceField):
            conversions.append((key, _blank_as_null))
        elif isinstance(field, serializers.DateTimeField):
            # Left to the JSON renderer, which writes them as ``MomentField`` does (RFC 3339
            # in UTC, to the second) without a Python call per value.
            if not isinstance(field, MomentField):
                raise TypeError(f"{type(serializer).__name__}.{key}: use MomentField.")
        elif not isinstance(field, PLAIN_FIELDS):
            raise TypeError(f"{type(serializer).__name__}.{key} cannot be read from a row.")
        keys.append(key)
        columns.append(column)
    return Level(tuple(keys), tuple(columns), conversions, nested)


def _each(level: Level) -> Plan:
    """A list of records nested in a record (``many=True`` of a serializer written as rows)."""

    def plan(writing: Writing):
        write = _writer(level, writing, records=True)
        return lambda records: [write(record) for record in records]

    return plan


def _attributes(*columns: str):
    return attrgetter(*(column.replace("__", ".") for column in columns))


def _model_field(model, path: list[str], name: str):
    for attr in path:
        model = model._meta.get_field(attr).related_model
    return model._meta.get_field(name)


# Fields whose value is shown as read: numbers, text, booleans, text choices, and dates,
# which the JSON renderer writes as ISO 8601 as DRF does (without a Python call per value).
PLAIN_FIELDS = (
    serializers.DateField,
    serializers.IntegerField,
    serializers.CharField,
    serializers.BooleanField,
    serializers.ChoiceField,
)


def _writer(level: Level, writing: Writing, *, records: bool = False) -> Callable:
    """A function writing one row as ``level`` shows it: a mapping of its columns, or with
    ``records``, an object (a model, a named tuple, a dataclass) read along each column's
    path of attributes.

    Every value is first read in key order (by one C call), so that the keys keep the
    serializer's order; converted values and nested objects then replace theirs in place.
    """
    get = _attributes if records else itemgetter
    read, keys = get(*level.columns), level.keys
    if len(keys) == 1:
        read = _one(read)
    converts = [(key, convert) for key, plan in level.conversions if (convert := plan(writing))]
    nested = [
        (key, _writer(child, writing, records=records), presence and get(presence) or None)
        for key, child, presence in level.nested
    ]

    if not nested:

        def write(row: dict) -> dict:
            shown = dict(zip(keys, read(row), strict=False))
            for key, convert in converts:
                shown[key] = convert(shown[key])
            return shown

        return write

    def write(row: dict) -> dict:
        shown = dict(zip(keys, read(row), strict=False))
        for key, convert in converts:
            shown[key] = convert(shown[key])
        for key, write_child, present in nested:
            shown[key] = write_child(row) if present is None or present(row) is not None else None
        return shown

    return write


def _one(read):
    return lambda row: (read(row),)


class Rows:
    """A serializer's records read as plain rows: ``rows.of(queryset)`` to read them,
    ``rows.shape(values, request)`` to write them as the serializer shows them."""

    def __init__(self, serializer_class):
        self.level = _level(serializer_class(), "")
        self.columns = list(dict.fromkeys(_columns(self.level)))

    def of(self, queryset: QuerySet) -> QuerySet:
        return queryset.values(*self.columns)

    def shape(self, values: Iterable[dict], request) -> list[dict]:
        """The rows as the serializer shows them. Timestamps may be left as datetimes (see
        ``moments_in``): render them with the API's JSON renderer."""
        write = self.writer(request)
        return [write(value) for value in values]

    def writer(self, request, *, records: bool = False) -> Callable:
        """A function writing one row (or with ``records``, one object read as a row) for
        ``request``: what it needs is looked up once."""
        writing = Writing(
            origin=request.build_absolute_uri("/").removesuffix("/"),
            urls=RecordUrls(),
        )
        return _writer(self.level, writing, records=records)


@functools.cache
def rows_of(serializer_class) -> Rows:
    """The one ``Rows`` of ``serializer_class``, built when first asked for."""
    return Rows(serializer_class)


class RowsListSerializer(serializers.ListSerializer):
    """``many=True`` for a serializer whose records come by the hundred: its own fields,
    written by ``Rows`` from plain rows or records read as rows, not field by field.
    Named in the child's ``Meta.list_serializer_class``, beside its ``Meta.model``."""

    def to_representation(self, data):
        records = list(data)
        as_objects = bool(records) and not isinstance(records[0], dict)
        write = rows_of(type(self.child)).writer(self.context["request"], records=as_objects)
        return [write(record) for record in records]


def _columns(level: Level) -> Iterator[str]:
    yield from level.columns
    for _, child, _ in level.nested:
        yield from _columns(child)
