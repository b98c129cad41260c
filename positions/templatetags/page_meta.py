"""A page's title and description, written once by the page and given both to the browser
and to the previews of shared links (Open Graph)."""

import html
import re

from django import template
from django.utils.html import format_html, strip_tags
from django.utils.text import Truncator

register = template.Library()

DESCRIPTION_LENGTH = 300


class MetaNode(template.Node):
    def __init__(self, nodelist, kind: str):
        self.nodelist, self.kind = nodelist, kind

    def render(self, context) -> str:
        # What the block rendered, as plain text: escaped again where it is written.
        text = re.sub(r"\s+", " ", html.unescape(strip_tags(self.nodelist.render(context))))
        text = text.strip()
        if self.kind == "title":
            return format_html(
                '<title>{}</title>\n  <meta property="og:title" content="{}">', text, text
            )
        text = Truncator(text).chars(DESCRIPTION_LENGTH)
        return format_html(
            '<meta name="description" content="{}">\n'
            '  <meta property="og:description" content="{}">',
            text,
            text,
        )


def _meta_tag(kind: str):
    def compile_tag(parser, token):
        nodelist = parser.parse((f"end{token.contents.split()[0]}",))
        parser.delete_first_token()
        return MetaNode(nodelist, kind)

    return compile_tag


# {% page_title %}…{% endpage_title %}: <title> and og:title.
register.tag("page_title", _meta_tag("title"))
# {% page_description %}…{% endpage_description %}: the description and og:description.
register.tag("page_description", _meta_tag("description"))
