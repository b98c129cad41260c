"""Create or update a desk account in the Editor or Reviewer role (idempotent)."""

import getpass
import os
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from positions.editorial.roles import EDITOR, REVIEWER, ensure_editorial_groups

ROLES = {"editor": EDITOR, "reviewer": REVIEWER}
PASSWORD_ENV = "STANDPOINT_EDITOR_PASSWORD"


class Command(BaseCommand):
    help = (
        "Create a desk account for an editor or a reviewer, or update an existing one's role. "
        f"The password comes from --password, else ${PASSWORD_ENV}, else a prompt; an existing "
        "account keeps its password when none is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", choices=sorted(ROLES), required=True)
        parser.add_argument("--password", help=f"Password (or set ${PASSWORD_ENV}).")
        parser.add_argument("--email", default="")

    @transaction.atomic
    def handle(self, *args, username, role, password, email, **options):
        ensure_editorial_groups()
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        created = user is None
        if created:
            user = user_model(username=username)
        password = password or os.environ.get(PASSWORD_ENV) or None
        if password is None and created:
            password = self._prompt()
        if password is not None:
            try:
                validate_password(password, user)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
            user.set_password(password)
        if email:
            user.email = email
        user.is_staff = True
        user.is_active = True
        user.save()
        # One editorial role at a time, so demoting a reviewer really takes publishing away.
        user.groups.remove(*Group.objects.filter(name__in=ROLES.values()))
        user.groups.add(Group.objects.get(name=ROLES[role]))
        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} {role} “{username}”. Sign in at /admin/."))

    def _prompt(self) -> str:
        if not sys.stdin.isatty():
            raise CommandError(f"Give a password with --password or ${PASSWORD_ENV}.")
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The passwords do not match.")
        return first
