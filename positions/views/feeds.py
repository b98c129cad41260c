"""Atom feeds of newly published positions: overall, per party and per topic.

Atom summaries are HTML, so user text is escaped before it goes in: a quote reading
``<script>`` arrives in a feed reader as those characters, not as markup.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, SimplerXMLGenerator, Stylesheet
from django.utils.html import format_html

from positions.models import Party, Position, Topic
from positions.templatetags.standpoint import stance_verb

FEED_LENGTH = 50


class StyledAtomFeed(Atom1Feed):
    """An Atom feed naming its stylesheets, so that a browser opening it shows a page
    rather than raw XML (Django writes them for RSS feeds only)."""

    def write(self, outfile, encoding):
        handler = SimplerXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        # Before any element, as the xml-stylesheet processing instruction must be.
        for stylesheet in self.feed["stylesheets"] or []:
            handler.processingInstruction("xml-stylesheet", str(stylesheet))
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")


def opened_in_a_browser(request) -> bool:
    """Whether the request comes from a browser opening the feed rather than a feed reader:
    it asks for HTML and not for Atom."""
    accept = request.headers.get("Accept", "")
    return "text/html" in accept and "atom+xml" not in accept


class PositionFeed(Feed):
    feed_type = StyledAtomFeed

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        if opened_in_a_browser(request):
            # Browsers show Atom's own type as plain text; as XML they apply the stylesheet.
            response["Content-Type"] = "application/xml; charset=utf-8"
        return response

    title = "Standpoint: new positions"
    subtitle = "Positions newly published on Standpoint."

    def link(self, obj=None):
        return reverse("home")

    def stylesheets(self, obj=None):
        return [Stylesheet(reverse("feed-stylesheet"), mimetype="text/xsl")]

    def positions(self, obj):
        return Position.objects.published()

    def items(self, obj=None):
        # The order of position_published_idx, as the home page lists them: read from the
        # index, however many positions were published at the same moment.
        newest = self.positions(obj).order_by("-published_at", "-stated_on", "-id")
        return newest.with_citation()[:FEED_LENGTH]

    def item_title(self, item: Position) -> str:
        return f"{item.party.short_name} {stance_verb(item.stance)} “{item.topic.proposition}”"

    def item_description(self, item: Position) -> str:
        return format_html(
            "<p>{}</p><blockquote>{}</blockquote><p>{}{}</p>",
            item.summary,
            item.quote,
            f"{item.speaker.name}, " if item.speaker else "",
            str(item.source),
        )

    def item_pubdate(self, item: Position):
        return item.published_at

    def item_updateddate(self, item: Position):
        return item.updated_at

    def item_author_name(self, item: Position) -> str:
        return item.speaker.name if item.speaker else item.party.name

    def item_categories(self, item: Position):
        return [item.party.short_name, item.topic.name]


class PartyPositionFeed(PositionFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Party.objects.public(), slug=slug)

    def title(self, obj):
        return f"Standpoint: new positions of {obj.name}"

    def link(self, obj=None):
        return obj.get_absolute_url()

    def subtitle(self, obj):
        return f"Positions of {obj.name} newly published on Standpoint."

    def positions(self, obj):
        return obj.positions.published()


class TopicPositionFeed(PositionFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic.objects.public(), slug=slug)

    def title(self, obj):
        return f"Standpoint: new positions on {obj.name}"

    def link(self, obj=None):
        return obj.get_absolute_url()

    def subtitle(self, obj):
        return f"Positions on “{obj.proposition}” newly published on Standpoint."

    def positions(self, obj):
        return obj.positions.published()


def feed_stylesheet(request):
    """The XSLT stylesheet the feeds name: it shows a feed opened in a browser as a page."""
    return render(request, "positions/feed.xsl", content_type="text/xsl; charset=utf-8")
