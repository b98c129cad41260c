"""The editorial groups and what each may do. Kept in step with the code on every migrate."""

from django.contrib.auth.models import Group, Permission

EDITOR = "Editor"
REVIEWER = "Reviewer"

# Editors make the record: they add and change what positions cite, until it is public
# (then only reviewers change it: ``editorial.records``). Events are public as soon as
# saved, so only reviewers write them.
_EDITOR_CODENAMES = [
    f"{action}_{model}"
    for model in ("party", "person", "role", "topic", "source")
    for action in ("add", "change", "view")
] + [
    "view_event",
    "add_position",
    "change_position",
    "view_position",
    "delete_position",
    "submit_position",
]

_REVIEWER_CODENAMES = _EDITOR_CODENAMES + [
    "add_event",
    "change_event",
    "publish_position",
    "retract_position",
]

GROUP_PERMISSIONS = {EDITOR: _EDITOR_CODENAMES, REVIEWER: _REVIEWER_CODENAMES}


def ensure_editorial_groups(**kwargs) -> None:
    """Create or update the Editor and Reviewer groups (idempotent)."""
    for name, codenames in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(
            content_type__app_label="positions", codename__in=codenames
        )
        group.permissions.set(permissions)
