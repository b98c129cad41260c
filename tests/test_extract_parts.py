"""A long source's extract page reads its text a part at a time, so that each page comes
back in seconds whatever the length of the text."""

import pytest
from django.urls import reverse

from positions.admin import sources as source_admin
from positions.editorial import extraction
from tests.factories import PartyFactory, SourceFactory

pytestmark = pytest.mark.django_db

PARAGRAPH = (
    "Deputy Foreign Minister Alexander Grushko said on Sunday that NATO troops in Ukraine "
    "would be unacceptable. Kyiv stressed that security guarantees must come first.\n\n"
)


def extract_url(source, part=None):
    url = reverse("admin:positions_source_extract", args=[source.pk])
    return f"{url}?part={part}" if part else url


def test_a_long_text_is_read_in_parts_with_offsets_in_the_whole_text(client, editor, monkeypatch):
    monkeypatch.setattr(source_admin, "EXTRACT_PART_LENGTH", len(PARAGRAPH) * 2)
    source = SourceFactory(text=PARAGRAPH * 6)
    client.force_login(editor)
    first = client.get(extract_url(source)).content.decode()
    assert "Part 1 of 3 of a long text." in first
    assert "Next part" in first and "Previous part" not in first
    third = client.get(extract_url(source, 3)).content.decode()
    assert "Part 3 of 3 of a long text." in third and "Next part" not in third
    # The third part's first sentence starts four paragraphs in.
    assert f'id="sentence-{len(PARAGRAPH) * 4}"' in third
    assert f'id="sentence-{len(PARAGRAPH) * 2}"' not in third
    assert client.get(extract_url(source, 4)).status_code == 404
    assert client.get(extract_url(source, "x")).status_code == 404


def test_a_short_text_is_one_part(client, editor):
    source = SourceFactory(text=PARAGRAPH)
    client.force_login(editor)
    page = client.get(extract_url(source)).content.decode()
    assert "of a long text" not in page
    assert 'id="sentence-0"' in page


@pytest.mark.slow
def test_the_extract_page_of_a_source_of_the_largest_size_reads_one_part_of_it(
    client, editor, monkeypatch
):
    # What a page costs is what it reads: one part's words, the rest of the text blanked out.
    read = []
    propose = extraction.propose
    monkeypatch.setattr(
        extraction,
        "propose",
        lambda source: read.append(len("".join(source.text.split()))) or propose(source),
    )
    PartyFactory(name="Russian Federation", short_name="Russia")
    text = (PARAGRAPH * (1_000_000 // len(PARAGRAPH) + 1))[:1_000_000]
    source = SourceFactory(text=text)
    client.force_login(editor)
    for part in (1, 10):
        response = client.get(extract_url(source, part))
        assert response.status_code == 200
        assert f"Part {part} of " in response.content.decode()
        assert len(response.content) < 3_000_000
    assert len(read) == 2
    assert all(0 < length <= source_admin.EXTRACT_PART_LENGTH for length in read)
