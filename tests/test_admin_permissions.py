"""Who may do what, tried through the desk (the admin) and through the services.

Anonymous visitors, editors, reviewers and superusers × create, edit, submit, publish,
send back, retract and delete. The same matrix must hold on both paths.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from positions.editorial import services
from positions.models import Position
from positions.models.choices import Stance, Status
from tests.desk import change_url, position_form_data, step_url
from tests.factories import PartyFactory, PositionFactory, SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db

ACTORS = ["anonymous", "editor", "reviewer", "superuser"]
STAFF = {"editor", "reviewer", "superuser"}
ALLOWED = {
    "create": STAFF,
    "edit": STAFF,
    "submit": STAFF,
    "publish": {"reviewer", "superuser"},
    "send_back": {"reviewer", "superuser"},
    "retract": {"reviewer", "superuser"},
    "delete": STAFF,
}
# The status each action starts from, and the status it leads to.
START = {
    "edit": Status.DRAFT,
    "submit": Status.DRAFT,
    "publish": Status.IN_REVIEW,
    "send_back": Status.IN_REVIEW,
    "retract": Status.PUBLISHED,
    "delete": Status.DRAFT,
}
END = {
    "submit": Status.IN_REVIEW,
    "publish": Status.PUBLISHED,
    "send_back": Status.DRAFT,
    "retract": Status.RETRACTED,
}
CASES = [(actor, action) for action in ALLOWED for actor in ACTORS]


@pytest.fixture
def user_for(request):
    def get(actor):
        if actor == "anonymous":
            return AnonymousUser()
        return request.getfixturevalue(actor)

    return get


def new_fields():
    return {
        "party": PartyFactory(),
        "topic": TopicFactory(),
        "source": SourceFactory(),
        "stated_on": "2025-03-16",
        "stance": Stance.OPEN,
        "summary": "Open to it.",
        "quote": "We are open to it.",
    }


def outcome(position_pk, action, before):
    """What the database says happened."""
    if action == "create":
        return Position.objects.exists()
    if action == "delete":
        return not Position.objects.filter(pk=position_pk).exists()
    position = Position.objects.get(pk=position_pk)
    if action == "edit":
        return position.summary == "Edited summary."
    return position.status == END[action] and position.status != before


@pytest.mark.parametrize(("actor", "action"), CASES)
def test_permission_matrix_through_the_desk(client, user_for, actor, action):
    user = user_for(actor)
    if user.is_authenticated:
        client.force_login(user)
    position = None if action == "create" else PositionFactory(status=START[action])
    if action == "create":
        fields = new_fields()
        data = {name: getattr(value, "pk", value) for name, value in fields.items()}
        data |= {"stated_on_precision": "day", "move": "openness", "expected_version": ""}
        response = client.post(reverse("admin:positions_position_add"), data)
    elif action == "edit":
        data = position_form_data(position, summary="Edited summary.")
        response = client.post(change_url(position), data)
    elif action == "delete":
        url = reverse("admin:positions_position_delete", args=[position.pk])
        response = client.post(url, {"post": "yes"})
    else:
        text = {"send_back": "Fix it.", "retract": "Wrong."}.get(action, "")
        data = {"expected_version": position.version, "text": text}
        response = client.post(step_url(position, action), data)

    happened = outcome(getattr(position, "pk", None), action, START.get(action))
    if actor == "anonymous":
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
        assert not happened
    elif actor in ALLOWED[action]:
        assert response.status_code == 302, response.content.decode()[:2000]
        assert happened
    else:
        assert response.status_code == 403
        assert not happened


def _call(action, user, position):
    if action == "create":
        return services.position_create(user=user, **new_fields())
    if action == "edit":
        return services.position_update(
            position=position,
            user=user,
            changes={"summary": "Edited summary."},
            expected_version=position.version,
        )
    if action == "delete":
        return services.position_delete(position=position, user=user)
    text = {"send_back": "Fix it.", "retract": "Wrong."}.get(action, "")
    return services.take_step(action, position=position, user=user, text=text)


@pytest.mark.parametrize(("actor", "action"), CASES)
def test_permission_matrix_through_the_services(user_for, actor, action):
    user = user_for(actor)
    position = None if action == "create" else PositionFactory(status=START[action])
    if actor in ALLOWED[action]:
        _call(action, user, position)
        assert outcome(getattr(position, "pk", None), action, START.get(action))
    else:
        with pytest.raises(PermissionDenied):
            _call(action, user, position)
        assert not outcome(getattr(position, "pk", None), action, START.get(action))


@pytest.mark.parametrize("actor", ["editor", "reviewer", "superuser"])
def test_nobody_deletes_what_was_ever_public(client, user_for, actor):
    client.force_login(user_for(actor))
    for status in (Status.PUBLISHED, Status.RETRACTED):
        position = PositionFactory(status=status, retraction_reason="Wrong.")
        url = reverse("admin:positions_position_delete", args=[position.pk])
        assert client.post(url, {"post": "yes"}).status_code == 403
        assert Position.objects.filter(pk=position.pk).exists()
        with pytest.raises(services.ValidationError):
            services.position_delete(position=position, user=user_for(actor))


def test_editor_cannot_edit_a_published_position_but_can_read_it(client, editor):
    position = PositionFactory(status=Status.PUBLISHED, summary="As published.")
    client.force_login(editor)
    page = client.get(change_url(position))
    assert page.status_code == 200 and 'name="summary"' not in page.content.decode()
    response = client.post(change_url(position), position_form_data(position, summary="Mine."))
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        services.position_correct(
            position=position,
            user=editor,
            changes={"summary": "Mine."},
            note="Because.",
            expected_version=position.version,
        )
    position.refresh_from_db()
    assert position.summary == "As published."


def test_editor_sees_only_the_steps_they_may_take(client, editor, reviewer):
    position = PositionFactory(status=Status.IN_REVIEW)
    client.force_login(editor)
    page = client.get(change_url(position)).content.decode()
    assert step_url(position, "publish") not in page
    assert client.get(step_url(position, "publish")).status_code == 403
    client.force_login(reviewer)
    page = client.get(change_url(position)).content.decode()
    assert step_url(position, "publish") in page and step_url(position, "send_back") in page
