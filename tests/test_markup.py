"""The page tags' ``format_html`` writes what Django's writes, for every kind of value."""

import datetime

import pytest
from django.utils import html as django_html
from django.utils.functional import lazy
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import gettext_lazy

from positions.templatetags import markup


class Markup:
    """A value that knows its own HTML, as Django's form widgets and safe strings do."""

    def __html__(self):
        return "<em>known</em>"

    def __str__(self):
        return "<em>as text</em>"


VALUES = [
    "plain",
    "",
    "<script>alert('x') & \"more\"</script>",
    "Ukraine’s “neutrality” — 2025",
    mark_safe("<b>already safe</b>"),
    gettext_lazy("Red line"),
    lazy(lambda: mark_safe("<i>lazy and safe</i>"), str)(),
    Markup(),
    0,
    -2,
    12.5,
    None,
    True,
    datetime.date(2025, 3, 17),
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_format_html_writes_what_djangos_writes(value):
    template = '<a href="{}" title="{}">{}</a>'
    ours = markup.format_html(template, value, value, value)
    django = django_html.format_html(template, value, value, value)
    assert ours == django
    assert isinstance(ours, SafeData)


def test_format_html_join_writes_what_djangos_writes():
    rows = [(value, index) for index, value in enumerate(VALUES)]
    template = "<li>{} ({})</li>"
    ours = markup.format_html_join("\n", template, iter(rows))
    django = django_html.format_html_join("\n", template, iter(rows))
    assert ours == django
    assert isinstance(ours, SafeData)


def test_format_html_join_escapes_its_separator_as_djangos_does():
    rows = [("a",), ("b",)]
    assert markup.format_html_join("<&>", "{}", rows) == django_html.format_html_join(
        "<&>", "{}", rows
    )


def test_text_is_escaped_not_trusted():
    assert markup.format_html("<p>{}</p>", "<script>") == "<p>&lt;script&gt;</p>"


def test_named_arguments_and_mapping_rows_are_escaped_as_djangos_are():
    value = "<b>“quoted” & more</b>"
    assert markup.format_html("<p>{text}</p>", text=value) == django_html.format_html(
        "<p>{text}</p>", text=value
    )
    rows = [{"text": value, "n": 1}, {"text": mark_safe("<i>safe</i>"), "n": 2}]
    template = "<li>{n}: {text}</li>"
    assert markup.format_html_join("", template, rows) == django_html.format_html_join(
        "", template, rows
    )
