"""How topics are listed on the pages."""

from positions.models import Topic


def tree_order(topics: list[Topic], all_topics: list[Topic]) -> list[Topic]:
    """Sub-topics right after their parent, so related propositions sit together."""
    names = {t.id: t.name for t in all_topics}
    return sorted(
        topics,
        key=lambda t: (names.get(t.parent_id, t.name), t.parent_id is not None, t.name, t.id),
    )
