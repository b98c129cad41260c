"""A position whose speaker is not yet in the record: the person, their role for the party
and the position written together, or none of them."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from positions.editorial import records, services
from positions.models import Person, Position, Role

SLUG_LENGTH = Person._meta.get_field("slug").max_length


def free_person_slug(name: str) -> str:
    """A slug made from ``name`` that no person uses yet ("anna-example", "anna-example-2")."""
    base = slugify(name, allow_unicode=False)[: SLUG_LENGTH - 4].strip("-") or "person"
    taken = set(Person.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def position_create_with_new_speaker(
    *, user, name: str, role_title: str = "", near: int | None = None, **fields
) -> Position:
    """Record a new person (with their role for the position's party, when given) and the
    draft position they are the speaker of, in one transaction.

    A person already recorded under that name is refused, so that the desk never makes a
    second entry for someone it knows; pick them as the speaker instead.
    """
    name = " ".join(name.split())
    if existing := Person.objects.filter(name__iexact=name).first():
        raise ValidationError(
            {"new_speaker": f"“{existing}” is already recorded: choose them as the speaker."}
        )
    person = Person(name=name, slug=free_person_slug(name))
    person.full_clean()
    records.record_save(record=person, user=user)
    role = None
    if role_title.strip():
        if fields.get("party") is None:
            raise ValidationError({"party": "Choose the party the new speaker speaks for."})
        role = Role(person=person, party=fields["party"], title=role_title.strip())
        role.full_clean()
        records.record_save(record=role, user=user)
    return services.position_create(
        user=user, near=near, **{**fields, "speaker": person, "role": role}
    )
