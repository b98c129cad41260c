"""Pagination: a keyset cursor for positions, page numbers for the smaller lists.

Malformed values are a 400 naming the parameter rather than silently replaced.
"""

import base64
import binascii
import datetime
import json
from collections import OrderedDict

from django.db.models import Q
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination, PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from positions.api.filters import given
from positions.api.filtersets import DEFAULT_POSITION_ORDERING, POSITION_ORDERINGS

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 1000

PAGE_SIZE_HELP = (
    f"Number of results per page, 1 to {MAX_PAGE_SIZE} (default {DEFAULT_PAGE_SIZE}). "
    "Larger values are refused."
)


def parse_page_size(request) -> int:
    raw = request.query_params.get("page_size")
    if not raw:  # left out, or empty: the same
        return DEFAULT_PAGE_SIZE
    try:
        size = int(raw)
    except ValueError:
        size = 0
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise ValidationError({"page_size": [f"Give a whole number from 1 to {MAX_PAGE_SIZE}."]})
    return size


class StrictPageNumberPagination(PageNumberPagination):
    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    query_params = ("page", "page_size")
    page_size_query_description = PAGE_SIZE_HELP
    page_query_description = "Page number, from 1."

    def get_page_size(self, request):
        return parse_page_size(request)

    def get_schema_operation_parameters(self, view):
        bounds = {"page": {"minimum": 1}, "page_size": {"minimum": 1, "maximum": MAX_PAGE_SIZE}}
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"].update(bounds.get(parameter["name"], {}))
        return parameters

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["count", "next", "previous", "results"],
            "properties": {
                "count": {"type": "integer", "description": "Number of matching records."},
                "next": {**link, "description": "The next page, or null on the last one."},
                "previous": {**link, "description": "The previous page, or null on the first."},
                "results": {**schema, "description": "This page's records."},
            },
        }

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get("page") or "1"
        if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
            raise ValidationError({"page": ["Give a page number from 1."]})
        return super().paginate_queryset(queryset, request, view)


class KeysetCursorPagination(BasePagination):
    """Pages that follow the sort key (``stated_on`` or ``updated_at``) and then ``id``.

    The cursor names the last row seen, so rows inserted or removed elsewhere never make
    a page repeat or skip one, and every page costs the same however deep it is.
    """

    query_params = ("cursor", "page_size")
    cursor_help = "Opaque position in the list; follow the `next` and `previous` links."

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.base_url = request.build_absolute_uri()
        ordering = given(request.query_params, "ordering")
        key = ordering[0] if ordering else DEFAULT_POSITION_ORDERING
        self.field, _ = POSITION_ORDERINGS[key]
        self.descending = self.field.startswith("-")
        self.field = self.field.lstrip("-")
        self.page_size = parse_page_size(request)
        cursor = self._decode(request.query_params.get("cursor"))
        backwards = bool(cursor and cursor["backwards"])

        # Walking backwards reads the rows before the cursor in reverse, then flips them.
        descending = self.descending != backwards
        order = ("-" if descending else "") + self.field
        queryset = queryset.order_by(order, "-id" if descending else "id")
        if cursor:
            op = "lt" if descending else "gt"
            # The redundant bound (>= or <=) lets the index start at the cursor instead of
            # scanning the rows before it: deep pages cost what the first one does.
            queryset = queryset.filter(
                Q(**{f"{self.field}__{op}e": cursor["value"]}),
                Q(**{f"{self.field}__{op}": cursor["value"]})
                | Q(**{self.field: cursor["value"], f"id__{op}": cursor["id"]}),
            )
        rows = list(queryset[: self.page_size + 1])
        more = len(rows) > self.page_size
        rows = rows[: self.page_size]
        if backwards:
            rows.reverse()
        has_next = (more and not backwards) or (backwards and bool(rows))
        has_previous = (more and backwards) or (bool(cursor) and not backwards and bool(rows))
        self.next_link = self._link(rows[-1], backwards=False) if has_next and rows else None
        self.previous_link = self._link(rows[0], backwards=True) if has_previous else None
        return rows

    def _link(self, row, *, backwards: bool) -> str:
        # Rows are read with ``values()``: see ``positions.api.rows``.
        token = json.dumps(
            {"v": row[self.field].isoformat(), "id": row["id"], "b": backwards},
            separators=(",", ":"),
        )
        encoded = base64.urlsafe_b64encode(token.encode()).decode().rstrip("=")
        return replace_query_param(self.base_url, "cursor", encoded)

    def _decode(self, raw: str | None):
        if not raw:
            return None
        try:
            padded = raw + "=" * (-len(raw) % 4)
            data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
            parse = (
                datetime.date.fromisoformat
                if self.field == "stated_on"
                else datetime.datetime.fromisoformat
            )
            value = parse(data["v"])
            if self.field == "updated_at" and value.tzinfo is None:
                raise ValueError("naive")
            row_id, backwards = data["id"], data["b"]
            if not isinstance(row_id, int) or not isinstance(backwards, bool):
                raise ValueError("types")
        except (ValueError, TypeError, KeyError, UnicodeError, binascii.Error):
            raise ValidationError(
                {"cursor": ["Invalid cursor. Follow the `next` or `previous` links as given."]}
            ) from None
        return {"value": value, "id": row_id, "backwards": backwards}

    def get_paginated_response(self, data):
        return Response(
            OrderedDict(
                [("next", self.next_link), ("previous", self.previous_link), ("results", data)]
            )
        )

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {**link, "description": "The next page, or null on the last one."},
                "previous": {**link, "description": "The previous page, or null on the first."},
                "results": {**schema, "description": "This page's records."},
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": "cursor",
                "required": False,
                "in": "query",
                "description": self.cursor_help,
                "schema": {"type": "string"},
            },
            {
                "name": "page_size",
                "required": False,
                "in": "query",
                "description": PAGE_SIZE_HELP,
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            },
        ]
