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
