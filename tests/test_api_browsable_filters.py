"""The browsable API's filter form stays small however many speakers and sources there are."""

import re

import pytest
from rest_framework.test import APIClient

from positions.models.choices import Status
from tests.factories import PersonFactory, PositionFactory, SourceFactory

pytestmark = pytest.mark.django_db


def page(query: str = "", status: int = 200) -> str:
    response = APIClient().get(f"/api/v1/positions/?format=api{query}")
    assert response.status_code == status
    return response.content.decode()


def boxes(html: str, name: str) -> list[str]:
    return re.findall(rf'<input type="text" name="{name}"[^>]*>', html)


def test_speakers_and_sources_are_typed_not_chosen_from_every_row():
    sources = SourceFactory.create_batch(3)
    people = PersonFactory.create_batch(3)
    for source, person in zip(sources, people, strict=True):
        PositionFactory(source=source, speaker=person, status=Status.PUBLISHED)

    html = page()

    for source in sources:
        assert f'<option value="{source.pk}"' not in html
    for person in people:
        assert f'<option value="{person.slug}"' not in html
    assert len(boxes(html, "source")) == 1
    assert len(boxes(html, "speaker")) == 1


def test_the_filter_form_keeps_every_value_given():
    first, second = SourceFactory.create_batch(2)
    PositionFactory(source=first, status=Status.PUBLISHED)
    PositionFactory(source=second, status=Status.PUBLISHED)

    html = page(f"&source={first.pk}&source={second.pk}")

    given = boxes(html, "source")
    assert [re.search(r'value="(\d+)"', box).group(1) for box in given] == [
        str(first.pk),
        str(second.pk),
    ]
    assert sum('id="id_source"' in box for box in given) == 1  # one label target


def test_an_unknown_typed_speaker_is_refused_and_shown_escaped():
    html = page("&speaker=%22%3E%3Cscript%3Ealert(1)%3C/script%3E", status=400)
    assert "<script>alert(1)</script>" not in html
