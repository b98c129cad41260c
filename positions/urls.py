from django.urls import path
from django.views.decorators.vary import vary_on_headers

from positions import views
from positions.views import about
from positions.views.feeds import (
    PartyPositionFeed,
    PositionFeed,
    TopicPositionFeed,
    feed_stylesheet,
    opened_in_a_browser,
)
from positions.views.page_cache import cached_for_readers as cached


def feed(view):
    """A feed, cached apart for browsers, which get it as XML to render it."""
    return vary_on_headers("Accept")(cached(view, variant=opened_in_a_browser))


urlpatterns = [
    path("", cached(views.home), name="home"),
    path("compare/", cached(views.compare), name="compare"),
    path("timeline/", cached(views.timeline), name="timeline"),
    path("search/", cached(views.search), name="search"),
    path("positions/<int:pk>/", cached(views.position_detail), name="position-detail"),
    path("parties/<slug:slug>/", cached(views.party_detail), name="party-detail"),
    path("topics/<slug:slug>/", cached(views.topic_detail), name="topic-detail"),
    path("people/<slug:slug>/", cached(views.person_detail), name="person-detail"),
    path("sources/<int:pk>/", cached(views.source_detail), name="source-detail"),
    path("methodology/", cached(about.methodology), name="methodology"),
    path("data/", cached(about.data), name="data"),
    path("topics/<slug:slug>/follow/", cached(about.follow_topic), name="follow-topic"),
    path("parties/<slug:slug>/follow/", cached(about.follow_party), name="follow-party"),
    path("feeds/feed.xsl", cached(feed_stylesheet), name="feed-stylesheet"),
    path("feeds/positions/", feed(PositionFeed()), name="feed-positions"),
    path("feeds/parties/<slug:slug>/", feed(PartyPositionFeed()), name="feed-party"),
    path("feeds/topics/<slug:slug>/", feed(TopicPositionFeed()), name="feed-topic"),
]
