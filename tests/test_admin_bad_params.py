"""Malformed addresses on the desk are answered with a 4xx and a message, never a 500: every
list's date links, the date filters beside them, and the history pages."""

import itertools

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from positions.models.choices import Status
from tests.factories import EventFactory, PositionFactory, SourceFactory

pytestmark = pytest.mark.django_db

DATED_LISTS = sorted(
    (model._meta.model_name, admin.site.get_model_admin(model).date_hierarchy)
    for model in apps.get_app_config("positions").get_models()
    if admin.site.is_registered(model) and admin.site.get_model_admin(model).date_hierarchy
)
HOSTILE = ["99999999999999999999", "-1", "0", "9999", "10000", "13", "32", "abc", "", "1e3", "٣"]


@pytest.fixture
def desk(client, superuser):
    PositionFactory(status=Status.PUBLISHED)
    SourceFactory()
    EventFactory()
    client.force_login(superuser)
    client.raise_request_exception = False
    return client


def test_every_dated_desk_list_is_covered():
    assert [name for name, _ in DATED_LISTS] == ["event", "position", "source"]


@pytest.mark.parametrize("model_name,field", DATED_LISTS)
def test_no_date_link_answers_a_server_error(desk, model_name, field):
    url = reverse(f"admin:positions_{model_name}_changelist")
    cases = [{f"{field}__year": year} for year in HOSTILE]
    cases += [
        {f"{field}__year": year, f"{field}__month": month}
        for year, month in itertools.product(["9999", "2025", "1"], HOSTILE)
    ]
    cases += [
        {f"{field}__year": "9999", f"{field}__month": "12", f"{field}__day": day} for day in HOSTILE
    ]
    cases += [{f"{field}__gte": value, f"{field}__lt": value} for value in HOSTILE]
    answers = {}
    for params in cases:
        response = desk.get(url, params)
        answers[tuple(params.values())] = response.status_code
    assert {key: code for key, code in answers.items() if code >= 500} == {}


def test_a_year_past_9998_is_a_400_saying_which_periods_exist(desk):
    url = reverse("admin:positions_position_changelist")
    response = desk.get(url, {"stated_on__year": "99999999999999999999"})
    assert response.status_code == 400
    assert "stated_on__year must be a year from 1 to 9998" in response.content.decode()
    response = desk.get(reverse("admin:positions_source_changelist"), {"published_at__year": 9999})
    assert response.status_code == 400


def test_a_real_year_still_lists_its_rows(desk):
    url = reverse("admin:positions_position_changelist")
    response = desk.get(url, {"stated_on__year": "2025", "stated_on__month": "3"})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/admin/positions/position/{pk}/change/history/",
        "/admin/positions/position/{pk}x/history/",
        "/admin/positions/position/999999/history/",
        "/admin/positions/position/{pk}/history/abc/",
        "/admin/positions/source/{pk}/change/history/",
    ],
)
def test_a_history_address_that_names_no_record_is_a_404(desk, path):
    pk = PositionFactory().pk
    response = desk.get(path.format(pk=pk))
    assert response.status_code == 404


def test_a_record_history_page_still_opens(desk):
    position = PositionFactory()
    response = desk.get(reverse("admin:positions_position_history", args=[position.pk]))
    assert response.status_code == 200
