from django.urls import path

from positions import views

urlpatterns = [
    path("", views.home, name="home"),
    path("positions/<int:pk>/", views.position_detail, name="position-detail"),
    path("parties/<slug:slug>/", views.party_detail, name="party-detail"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic-detail"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
    path("sources/<int:pk>/", views.source_detail, name="source-detail"),
]
