"""Pages for one record each: a position, party, topic, person or source."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from positions.models import Party, Person, Position, Source, Topic
from positions.models.choices import Move
from positions.reading.charts import lane_chart
from positions.reading.lanes import stance_lanes
from positions.reading.records import (
    party_speakers,
    public_statement_count,
    with_published_counts,
)
from positions.reading.runs import topic_standings
from positions.reading.stances import current_stances, subtopic_stances
from positions.reading.timelines import topic_events, topic_parties
from positions.views.highlighting import highlighted_runs, locatable
from positions.views.params import BadParameter, friendly_bad_request, paginate, text_param


def position_detail(request, pk):
    position = get_object_or_404(
        Position.objects.public()
        .with_citation()
        .select_related("source__original", "previous", "topic__parent"),
        pk=pk,
    )
    following = (
        Position.objects.published().filter(previous=position).order_by("stated_on", "id").first()
        if position.previous_id or position.shift
        else None
    )
    context = {
        "position": position,
        "next": following,
        "citation_url": request.build_absolute_uri(position.get_absolute_url()),
    }
    return render(request, "positions/position_detail.html", context)


def party_detail(request, slug):
    party = get_object_or_404(Party.objects.public(), slug=slug)
    current = current_stances(party=party, as_of=timezone.localdate())
    statements = party.positions.public().for_statement_list().order_by("-stated_on", "-id")
    context = {
        "party": party,
        "current": current,
        "red_lines": [p for p in current if p.move == Move.RED_LINE],
        "speakers": party_speakers(party),
        "statements": paginate(request, statements, count=public_statement_count(party)),
    }
    return render(request, "positions/party_detail.html", context)


@friendly_bad_request
def topic_detail(request, slug):
    topic = get_object_or_404(Topic.objects.public().select_related("parent"), slug=slug)
    standings = topic_standings(topic)
    # Who spoke on the topic and how often, read from its stance cells, not its statements.
    parties = topic_parties(topic)
    chosen = None
    if party_slug := text_param(request, "party"):
        chosen = (
            Party.objects.public()
            .only("slug", "short_name", "name")
            .filter(slug=party_slug)
            .first()
        )
        if chosen is None:
            raise BadParameter(f"No party “{party_slug}” is on record.")
    lanes = stance_lanes(
        topic,
        standings,
        party_ids={chosen.id} if chosen else None,
        events=topic_events(topic=topic),
    )
    children = with_published_counts(topic.children.public(), "topic")
    statements = topic.positions.public().for_statement_list().order_by("-stated_on", "-id")
    listed = parties
    if chosen:
        listed = [party for party in parties if party.id == chosen.id]
        statements = statements.filter(party=chosen)
    children = subtopic_stances(list(children), as_of=timezone.localdate())
    context = {
        "topic": topic,
        "standings": standings,
        "chart": lane_chart(lanes),
        "chosen": chosen,
        "listed_party": bool(chosen and listed),
        "published_total": sum(party.published_count for party in parties),
        "subtopic_total": sum(child.position_count for child, _ in children),
        "children": children,
        "statement_parties": parties,
        "party_slug": chosen.slug if chosen else "",
        "statements": paginate(
            request, statements, count=sum(party.public_count for party in listed)
        ),
    }
    return render(request, "positions/topic_detail.html", context)


def person_detail(request, slug):
    person = get_object_or_404(Person.objects.public(), slug=slug)
    context = {
        "person": person,
        "roles": person.roles.select_related("party"),
        "statements": paginate(
            request, person.positions.public().for_statement_list().order_by("-stated_on", "-id")
        ),
    }
    return render(request, "positions/person_detail.html", context)


def source_detail(request, pk):
    source = get_object_or_404(Source.objects.public().select_related("original"), pk=pk)
    positions = list(
        source.positions.public()
        .select_related("party", "topic", "speaker")
        .order_by("quote_start", "stated_on", "id")
    )
    # Numbers tie each highlight in the text to its entry in the list of positions.
    for number, position in enumerate(positions, start=1):
        position.ref_number = number
    context = {
        "source": source,
        "reports": source.reports.public(),
        "positions": positions,
        "runs": highlighted_runs(source, positions) if source.text else [],
        "unlocated": [p for p in positions if p not in locatable(source, positions)],
    }
    return render(request, "positions/source_detail.html", context)
