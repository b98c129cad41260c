from django.urls import path

from positions import views
from positions.feeds import PartyPositionFeed, PositionFeed, TopicPositionFeed

urlpatterns = [
    path("", views.home, name="home"),
    path("compare/", views.compare, name="compare"),
    path("timeline/", views.timeline, name="timeline"),
    path("search/", views.search, name="search"),
    path("positions/<int:pk>/", views.position_detail, name="position-detail"),
    path("parties/<slug:slug>/", views.party_detail, name="party-detail"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic-detail"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
    path("sources/<int:pk>/", views.source_detail, name="source-detail"),
    path("feeds/positions/", PositionFeed(), name="feed-positions"),
    path("feeds/parties/<slug:slug>/", PartyPositionFeed(), name="feed-party"),
    path("feeds/topics/<slug:slug>/", TopicPositionFeed(), name="feed-topic"),
]
