"""How topics are listed on the pages."""

from positions.models import Topic


def tree_order(topics: list[Topic], all_topics: list[Topic]) -> list[Topic]:
    """Sub-topics right after their parent, so related propositions sit together."""
    names = {t.id: t.name for t in all_topics}
    return sorted(
        topics,
        key=lambda t: (names.get(t.parent_id, t.name), t.parent_id is not None, t.name, t.id),
    )


def count_subtopics_in_parents(topics: list[Topic]) -> None:
    """Add each topic's ``position_count`` to every topic above it, so that a parent counts
    the positions of its sub-topics; ``subtopic_count`` says how many of them it holds."""
    by_id = {t.id: t for t in topics}
    own = {t.id: t.position_count for t in topics}
    for topic in topics:
        topic.subtopic_count = 0
    for topic in topics:
        parent = by_id.get(topic.parent_id)
        seen = {topic.id}
        while parent is not None and parent.id not in seen:
            parent.position_count += own[topic.id]
            parent.subtopic_count += 1
            seen.add(parent.id)
            parent = by_id.get(parent.parent_id)
