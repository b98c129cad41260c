"""Who may do what to every part of the record, in the desk (the admin) and in the API.

Each row of the tables below is written by hand from the rules in the README's security
section: editors write drafts and what nothing public cites; what readers see (a public
position, and every record a public position or an event cites) changes only by a
reviewer's hand; events are public as soon as saved, so only reviewers write them; nobody
but a superuser deletes a record; the API writes positions only.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from positions.editorial import services
from positions.models import Event, Party, Person, Position, Role, Source, Topic
from positions.models.choices import Stance, Status
from tests.desk import page_form_data
from tests.factories import (
    EventFactory,
    PartyFactory,
    PersonFactory,
    PositionFactory,
    RoleFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

MODELS = {
    "party": Party,
    "person": Person,
    "role": Role,
    "topic": Topic,
    "source": Source,
    "event": Event,
}

# The desk. view: the change page offers a form to save ("form"), shows the record
# read-only ("read-only") or sends to the login page ("login"); change, add, delete: the
# write is "done", "refused" (nothing written) or sent to "login".
DESK = """
model   state        role       view       change   add      delete
party   unpublished  anonymous  login      login    login    login
party   unpublished  editor     form       done     done     refused
party   unpublished  reviewer   form       done     done     refused
party   public       anonymous  login      login    login    login
party   public       editor     read-only  refused  done     refused
party   public       reviewer   form       done     done     refused
person  unpublished  anonymous  login      login    login    login
person  unpublished  editor     form       done     done     refused
person  unpublished  reviewer   form       done     done     refused
person  public       anonymous  login      login    login    login
person  public       editor     read-only  refused  done     refused
person  public       reviewer   form       done     done     refused
role    unpublished  anonymous  login      login    login    login
role    unpublished  editor     form       done     done     refused
role    unpublished  reviewer   form       done     done     refused
role    public       anonymous  login      login    login    login
role    public       editor     read-only  refused  refused  refused
role    public       reviewer   form       done     done     refused
topic   unpublished  anonymous  login      login    login    login
topic   unpublished  editor     form       done     done     refused
topic   unpublished  reviewer   form       done     done     refused
topic   public       anonymous  login      login    login    login
topic   public       editor     read-only  refused  done     refused
topic   public       reviewer   form       done     done     refused
source  unpublished  anonymous  login      login    login    login
source  unpublished  editor     form       done     done     refused
source  unpublished  reviewer   form       done     done     refused
source  public       anonymous  login      login    login    login
source  public       editor     read-only  refused  done     refused
source  public       reviewer   form       done     done     refused
event   public       anonymous  login      login    login    login
event   public       editor     read-only  refused  refused  refused
event   public       reviewer   form       done     done     refused
"""

# The API's record endpoints. read: an anonymous GET of the record; write: a PATCH, with a
# token for editors and reviewers: 405 for everyone, as the API writes positions only.
API = """
model   state        role       read  write
party   unpublished  anonymous  404   405
party   unpublished  editor     404   405
party   unpublished  reviewer   404   405
party   public       anonymous  200   405
party   public       editor     200   405
party   public       reviewer   200   405
person  unpublished  anonymous  404   405
person  unpublished  editor     404   405
person  unpublished  reviewer   404   405
person  public       anonymous  200   405
person  public       editor     200   405
person  public       reviewer   200   405
topic   unpublished  anonymous  404   405
topic   unpublished  editor     404   405
topic   unpublished  reviewer   404   405
topic   public       anonymous  200   405
topic   public       editor     200   405
topic   public       reviewer   200   405
source  unpublished  anonymous  404   405
source  unpublished  editor     404   405
source  unpublished  reviewer   404   405
source  public       anonymous  200   405
source  public       editor     200   405
source  public       reviewer   200   405
event   public       anonymous  200   405
event   public       editor     200   405
event   public       reviewer   200   405
"""

# Positions through the API: the answer to each action by each role, from the status the
# action starts from. "correct" is a PATCH of a published position with a note.
POSITIONS_API = """
action     anonymous  editor  reviewer
create     401        201     201
edit       401        200     200
submit     401        200     200
publish    401        403     200
send_back  401        403     200
retract    401        403     200
correct    401        403     200
delete     401        204     204
"""


def table(text: str) -> list[tuple[str, ...]]:
    header, *rows = [line.split() for line in text.strip().splitlines()]
    return [tuple(row) for row in rows]


def record_for(model: str, state: str):
    """A record of ``model``; "public" ones are cited by a published position (events are
    public anyway), "unpublished" ones only by a draft."""
    status = Status.PUBLISHED if state == "public" else Status.DRAFT
    if model == "event":
        return EventFactory()
    if model == "role":
        role = RoleFactory()
        PositionFactory(speaker=role.person, role=role, party=role.party, status=status)
        return role
    field = {"party": "party", "person": "speaker", "topic": "topic", "source": "source"}
    factory = {
        "party": PartyFactory,
        "person": PersonFactory,
        "topic": TopicFactory,
        "source": SourceFactory,
    }[model]
    record = factory()
    PositionFactory(status=status, **{field[model]: record})
    return record


# A text field of each model that the change test edits.
EDITED = {
    "party": "description",
    "person": "description",
    "role": "title",
    "topic": "description",
    "source": "byline",
    "event": "description",
}


def new_record_data(model: str, state: str) -> dict:
    """What an editor types on the add form of ``model``."""
    if model == "party":
        return {"name": "New Party", "short_name": "New", "slug": "new-party", "kind": "state"}
    if model == "person":
        return {"name": "New Person", "slug": "new-person"}
    if model == "role":
        # Added to a person readers see, the role is public at once.
        person = record_for("person", state)
        return {"person": person.pk, "party": PartyFactory().pk, "title": "Envoy"}
    if model == "topic":
        return {"name": "New topic", "slug": "new-topic", "proposition": "A thing is done"}
    if model == "source":
        return {"title": "New report", "kind": "news_report", "language": "en"}
    return {"title": "New talks", "slug": "new-talks", "kind": "talks", "date": "2025-04-01"}


def desk_client(client, request, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    return client


def form_data(client, superuser, url) -> dict:
    """The form at ``url`` as a superuser's browser would post it untouched."""
    client.force_login(superuser)
    data = page_form_data(client.get(url))
    client.logout()
    # Empty many-to-many choices (an event's parties) post as no value at all.
    return {name: value for name, value in data.items() if value != "[]"}


def outcome(response, written: bool) -> str:
    if response.status_code == 302 and "/login/" in response["Location"]:
        return "login"
    return "done" if written else "refused"


@pytest.mark.parametrize("model,state,role,view,change,add,delete", table(DESK))
def test_desk_permission_table(
    client, request, superuser, model, state, role, view, change, add, delete
):
    record = record_for(model, state)
    opts = MODELS[model]._meta
    change_url = reverse(f"admin:positions_{opts.model_name}_change", args=[record.pk])
    data = form_data(client, superuser, change_url)
    field = EDITED[model]
    data[field] = "Changed by the table."
    add_url = reverse(f"admin:positions_{opts.model_name}_add")
    add_data = {**form_data(client, superuser, add_url), **new_record_data(model, state)}
    desk = desk_client(client, request, role)
    answers = {}

    response = desk.get(change_url)
    page = response.content.decode()
    if response.status_code == 302:
        answers["view"] = "login"
    else:
        answers["view"] = "form" if 'name="_save"' in page else "read-only"

    response = desk.post(change_url, data)
    record.refresh_from_db()
    answers["change"] = outcome(response, getattr(record, field) == "Changed by the table.")

    count = MODELS[model].objects.count()
    response = desk.post(add_url, add_data)
    answers["add"] = outcome(response, MODELS[model].objects.count() == count + 1)

    delete_url = reverse(f"admin:positions_{opts.model_name}_delete", args=[record.pk])
    response = desk.post(delete_url, {"post": "yes"})
    answers["delete"] = outcome(response, not MODELS[model].objects.filter(pk=record.pk).exists())

    assert answers == {"view": view, "change": change, "add": add, "delete": delete}


def token_client(request, role) -> APIClient:
    api = APIClient()
    if role != "anonymous":
        user = request.getfixturevalue(role)
        api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return api


def api_url(model: str, record) -> str:
    key = record.pk if model == "source" else record.slug
    plural = {"party": "parties", "person": "people"}.get(model, f"{model}s")
    return f"/api/v1/{plural}/{key}/"


@pytest.mark.parametrize("model,state,role,read,write", table(API))
def test_api_permission_table(request, model, state, role, read, write):
    record = record_for(model, state)
    url = api_url(model, record)
    answers = {
        "read": APIClient().get(url).status_code,
        "write": token_client(request, role).patch(url, {"description": "x"}).status_code,
    }
    assert answers == {"read": int(read), "write": int(write)}


START = {
    "edit": Status.DRAFT,
    "submit": Status.DRAFT,
    "publish": Status.IN_REVIEW,
    "send_back": Status.IN_REVIEW,
    "retract": Status.PUBLISHED,
    "correct": Status.PUBLISHED,
    "delete": Status.DRAFT,
}


def position_request(api: APIClient, action: str, position: Position | None):
    if action == "create":
        body = {
            "party": PartyFactory().slug,
            "topic": TopicFactory().slug,
            "source": SourceFactory().pk,
            "stated_on": "2025-03-16",
            "stance": "rejects",
            "summary": "Rejects it.",
            "quote": "No.",
        }
        return api.post("/api/v1/positions/", body, format="json")
    url = f"/api/v1/positions/{position.pk}/"
    version = {"HTTP_IF_MATCH": f'"{position.version}"'}
    if action == "edit":
        return api.patch(url, {"summary": "Edited."}, format="json", **version)
    if action == "correct":
        body = {"summary": "Corrected.", "note": "Typo."}
        return api.patch(url, body, format="json", **version)
    if action == "delete":
        return api.delete(url)
    path = {"send_back": "send-back"}.get(action, action)
    body = {"comment": "Fix it."} if action == "send_back" else {"reason": "Wrong."}
    return api.post(f"{url}{path}/", body, format="json", **version)


@pytest.mark.parametrize(
    "action,role,expected",
    [
        (row[0], role, int(code))
        for row in table(POSITIONS_API)
        for role, code in zip(("anonymous", "editor", "reviewer"), row[1:], strict=True)
    ],
)
def test_positions_api_permission_table(request, action, role, expected):
    position = None
    if action != "create":
        position = PositionFactory(status=START[action], stance=Stance.OPEN)
    response = position_request(token_client(request, role), action, position)
    assert response.status_code == expected, response.content[:300]


def test_the_desk_says_why_a_public_record_is_read_only(client, editor):
    party = record_for("party", "public")
    client.force_login(editor)
    page = client.get(reverse("admin:positions_party_change", args=[party.pk])).content.decode()
    assert "Read-only: “" in page
    assert "is part of the public record" in page
    assert "only a reviewer may change it" in page


def test_no_one_changes_a_public_record_through_the_services_but_a_reviewer(editor, reviewer):
    from django.core.exceptions import PermissionDenied

    from positions.editorial import records

    for model in ("party", "person", "role", "topic", "source"):
        record = record_for(model, "public")
        setattr(record, EDITED[model], "Changed.")
        with pytest.raises(PermissionDenied, match="only a reviewer may change it"):
            records.record_save(record=record, user=editor)
        records.record_save(record=record, user=reviewer)
        assert record.history.latest("history_id").history_user == reviewer
    with pytest.raises(PermissionDenied):
        records.record_save(record=EventFactory.build(), user=editor)
    with pytest.raises(PermissionDenied):
        records.record_save(record=record_for("party", "public"), user=AnonymousUser())


def test_bulk_publish_is_refused_to_editors(client, editor):
    position = PositionFactory(status=Status.IN_REVIEW)
    client.force_login(editor)
    url = reverse("admin:positions_position_changelist")
    client.post(
        url,
        {
            "action": "publish_selected",
            "_selected_action": [position.pk],
            f"seen-version-{position.pk}": "1",
        },
    )
    position.refresh_from_db()
    assert position.status == Status.IN_REVIEW
    assert services.can_correct(editor) is False
