"""Renderers: JSON with orjson (the same compact JSON as DRF's renderer, several times
faster), and DRF's browsable API without inline styles."""

import orjson
from django.core.serializers.json import DjangoJSONEncoder
from rest_framework import renderers

_fallback = DjangoJSONEncoder().default
# One timestamp format everywhere (exports and DRF's fields too): RFC 3339 in UTC, to the
# second, e.g. ``2025-03-17T10:04:05Z``.
OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_UTC_Z | orjson.OPT_OMIT_MICROSECONDS


class FastJSONRenderer(renderers.JSONRenderer):
    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        # Error bodies may key on non-str values (e.g. list indexes). Datetimes are written
        # as DRF's DateTimeField writes them (``DATETIME_FORMAT``).
        return orjson.dumps(data, default=_fallback, option=OPTIONS)


# DRF's page gives its "Extra actions" menu and "Filters" button inline style attributes,
# which the Content-Security-Policy blocks; a class from our stylesheet does the same.
_INLINE_STYLES = (
    (
        '<div class="dropdown" style="float: right; margin-right: 10px">',
        '<div class="dropdown api-action-right">',
    ),
    (
        '<button style="float: right; margin-right: 10px" data-toggle="modal" '
        'data-target="#filtersModal" class="btn btn-default">',
        '<button data-toggle="modal" data-target="#filtersModal" '
        'class="btn btn-default api-action-right">',
    ),
)


class BrowsableAPIRenderer(renderers.BrowsableAPIRenderer):
    """DRF's browsable API, without inline styles (templates/rest_framework/api.html)."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        page = super().render(data, accepted_media_type, renderer_context)
        for inline, styled in _INLINE_STYLES:
            page = page.replace(inline, styled)
        return page
