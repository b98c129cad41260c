"""Helpers for driving the editors' desk (the admin) the way a browser does."""

from django.urls import reverse

from positions.models import Position

FORM_FIELDS = (
    "source",
    "quote",
    "party",
    "speaker",
    "role",
    "stated_on",
    "stated_on_precision",
    "topic",
    "stance",
    "move",
    "conditions",
    "summary",
)


def position_form_data(position: Position, **overrides) -> dict:
    """What the change form posts for ``position`` as loaded, with ``overrides`` typed in."""
    data = {}
    for name in FORM_FIELDS:
        field = Position._meta.get_field(name)
        value = getattr(position, field.attname)
        data[name] = "" if value is None else str(value)
    data["expected_version"] = str(position.version) if position.pk else ""
    data.update({name: str(value) for name, value in overrides.items()})
    return data


def change_url(position: Position) -> str:
    return reverse("admin:positions_position_change", args=[position.pk])


def step_url(position: Position, step: str) -> str:
    return reverse("admin:positions_position_step", args=[position.pk, step])


def form_errors(response) -> str:
    """Every error the admin form shows, as text."""
    context = response.context
    messages = [str(error) for error in context["errors"]] if "errors" in context else []
    form = context.get("adminform").form if context.get("adminform") else None
    if form is not None:
        messages += [str(e) for errors in form.errors.values() for e in errors]
    return " ".join(messages)


def _field_values(form) -> dict:
    """What a browser would post for ``form`` as rendered, before anyone types."""
    from django.forms import MultiWidget

    data = {}
    for name, field in form.fields.items():
        bound = form[name]
        value = bound.value()
        key = form.add_prefix(name)
        if isinstance(field.widget, MultiWidget):
            parts = field.widget.decompress(value) if not isinstance(value, list) else value
            for index, part in enumerate(parts):
                data[f"{key}_{index}"] = "" if part is None else str(part)
        elif isinstance(value, bool):
            if value:
                data[key] = "on"
        elif value is not None:
            data[key] = str(value)
    return data


def page_form_data(response) -> dict:
    """The whole admin change form of ``response``, inlines and management forms included."""
    data = _field_values(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = str(management[name].value())
        for form in formset.forms:
            data.update(_field_values(form))
    return data
