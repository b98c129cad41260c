import pytest

from positions.editorial import services
from positions.editorial.anchoring import choose_anchor, find_anchors, normalise

ARTICLE = (
    'He said: "NATO and peacekeeping are entirely incompatible." Later, '
    "the deployment of NATO forces in Ukraine -- whether under the banner of the EU -- "
    "was rejected.\n\nHe said it again: NATO and peacekeeping are entirely incompatible."
)


def test_normalise_ignores_typography_and_spacing():
    assert normalise("“It’s  over”\n— he said") == normalise('"It\'s over" -- he said')


def test_quote_with_typographic_quotes_and_dashes_is_found_with_original_offsets():
    quote = "NATO forces in Ukraine — whether under the banner"
    [anchor] = find_anchors(ARTICLE, quote)
    assert anchor.exact == "NATO forces in Ukraine -- whether under the banner"
    assert ARTICLE[anchor.start : anchor.end] == anchor.exact
    assert anchor.prefix.endswith("the deployment of ")
    assert anchor.suffix.startswith(" of the EU")


def test_quote_that_appears_twice_has_two_anchors_told_apart_by_context():
    anchors = find_anchors(ARTICLE, "NATO and peacekeeping are entirely incompatible")
    assert len(anchors) == 2
    second = choose_anchor(anchors, prefix="He said it again: ")
    assert second == anchors[1]
    assert choose_anchor(anchors) == anchors[0]


def test_missing_quote_has_no_anchor():
    assert find_anchors(ARTICLE, "NATO is a peacekeeper") == []
    assert find_anchors("", "anything") == []


def test_a_dash_is_not_a_space():
    assert normalise("peace - now") == "peace-now"
    assert find_anchors("They want peace - now.", "peace now") == []
    [anchor] = find_anchors("They want peace - now.", "peace — now")
    assert anchor.exact == "peace - now"


def test_an_empty_quote_is_found_nowhere():
    assert find_anchors("Some text.", "") == []
    assert find_anchors("", "Some text.") == []


def test_the_context_of_a_quote_near_the_start_begins_at_the_start():
    [anchor] = find_anchors("He said: never.", "never")
    assert (anchor.start, anchor.prefix, anchor.suffix) == (9, "He said: ", ".")


@pytest.mark.django_db
def test_orphaned_quote_marks_follow_each_sources_text(editor):
    """A quote is orphaned when its source has text other than the text it was anchored in;
    a source without text orphans nothing. The rebuild command counts what it corrects."""
    from io import StringIO

    from django.core.management import call_command

    from positions.models import Position, Source
    from tests.factories import SourceFactory
    from tests.test_services import TEXT, draft_fields

    def draft(source):
        return services.position_create(user=editor, **(draft_fields() | {"source": source}))

    changed, kept, emptied = (SourceFactory(text=TEXT) for _ in range(3))
    stale, anchored, textless = draft(changed), draft(kept), draft(emptied)
    wrongly_marked = draft(SourceFactory(text=TEXT))
    # Written with SQL, as a bulk load would: no save() keeps the marks.
    Source.objects.filter(pk=changed.pk).update(text="New: " + TEXT, text_sha256="changed")
    Source.objects.filter(pk=emptied.pk).update(text="", text_sha256="")
    Position.objects.filter(pk__in=[wrongly_marked.pk, textless.pk]).update(quote_orphaned=True)

    def marks():
        return [
            Position.objects.get(pk=p.pk).quote_orphaned
            for p in (stale, anchored, textless, wrongly_marked)
        ]

    out = StringIO()
    call_command("rebuild_stance_cells", stdout=out)
    assert marks() == [True, False, False, False]
    assert "3 orphaned-quote marks corrected." in out.getvalue()
    call_command("rebuild_stance_cells", stdout=out)
    assert "0 orphaned-quote marks corrected." in out.getvalue()
