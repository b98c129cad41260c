"""Editors' forms. Each write goes through ``editorial.services``; its refusals become form
errors, so the editor sees why and keeps everything they typed."""

import datetime

from django import forms
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from positions.editorial import records, services, speakers
from positions.editorial.source_import import find_duplicate
from positions.models import Position, Source
from positions.models.base import SOURCE_TEXT_MAX_LENGTH
from positions.models.choices import Status

# Service error keys that have a different name on the form.
_ERROR_FIELDS = {"note": "correction_note"}


class PositionAdminForm(forms.ModelForm):
    """Create, edit or correct a position, with optimistic locking.

    The write happens at the end of validation (``full_clean``): the admin saves only a
    valid form, so a service's refusal must be known by then to come back as form errors
    with the editor's input kept.
    """

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # The version the editor first loaded, kept across a conflict: what they changed is
    # measured from it, so that saving again applies only their own edits.
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    # Where in the source text the quote was picked, to tell repeated quotes apart.
    quote_near = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    # A speaker not yet in the record, recorded with the position in the same submission.
    new_speaker = forms.CharField(
        label="or a new speaker",
        required=False,
        max_length=200,
        help_text="Full name of someone not yet recorded; leave “Speaker” empty.",
    )
    new_speaker_role = forms.CharField(
        label="their role",
        required=False,
        max_length=200,
        help_text="e.g. “Foreign Minister”: recorded as held for the party above.",
    )
    correction_note = forms.CharField(
        label="Correction note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Published positions are corrected in place: say what was corrected and why. "
        "The note is kept in the history.",
    )

    # Set by the admin for the request being served.
    user = None

    class Meta:
        model = Position
        fields = services.EDITABLE_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Without the version the form was loaded at, a save could silently overwrite.
            self.fields["expected_version"].initial = self.instance.version
            self.fields["expected_version"].required = True
            self.fields["loaded_version"].initial = self.instance.version
        if self.instance.status != Status.PUBLISHED:
            self.fields.pop("correction_note")
        if self.instance.pk:
            self.fields.pop("new_speaker")
            self.fields.pop("new_speaker_role")
        if "quote_translation" in self.fields:
            self.fields["quote_translation"].widget.attrs["rows"] = 3

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("new_speaker", "").strip() and cleaned.get("speaker"):
            self.add_error("new_speaker", "Either choose a speaker or name a new one, not both.")
        elif cleaned.get("new_speaker_role", "").strip() and not cleaned.get("new_speaker"):
            self.add_error("new_speaker_role", "Give the new speaker's name too.")
        return cleaned

    def full_clean(self):
        super().full_clean()
        if self.is_bound and not self.errors:
            self._write()

    def _write(self) -> None:
        editable = [name for name in services.EDITABLE_FIELDS if name in self.fields]
        changes = {name: self.cleaned_data[name] for name in editable}
        expected = self.cleaned_data.get("expected_version")
        if self.instance.pk is not None:
            loaded = self.cleaned_data.get("loaded_version") or expected
            changes = _only_changed(changes, self._edited_since(loaded))
        try:
            if self.instance.pk is None and self.cleaned_data.get("new_speaker", "").strip():
                self.instance = speakers.position_create_with_new_speaker(
                    user=self.user,
                    name=self.cleaned_data["new_speaker"],
                    role_title=self.cleaned_data.get("new_speaker_role", ""),
                    near=self.cleaned_data.get("quote_near"),
                    **changes,
                )
            elif self.instance.pk is None:
                near = self.cleaned_data.get("quote_near")
                self.instance = services.position_create(user=self.user, near=near, **changes)
            elif self.instance.status == Status.PUBLISHED:
                self.instance = services.position_correct(
                    position=self.instance,
                    user=self.user,
                    changes=changes,
                    note=self.cleaned_data.get("correction_note", ""),
                    expected_version=expected,
                )
            else:
                self.instance = services.position_update(
                    position=self.instance,
                    user=self.user,
                    changes=changes,
                    expected_version=expected,
                )
        except services.VersionConflict as conflict:
            self._report_conflict(conflict)
        except PermissionDenied as refusal:
            self.add_error(None, str(refusal))
        except ValidationError as error:
            self._add_service_errors(error)

    def _edited_since(self, version: int | None) -> list[str]:
        """The fields whose posted value differs from the position at ``version``, the one
        the editor loaded; ``changed_data`` compares with the stored row, which another
        editor may have changed since."""
        if version is None or version == self.instance.version:
            return self.changed_data
        then = self.instance.history.filter(version=version).order_by("-history_id").first()
        if then is None:
            return self.changed_data
        edited = []
        for name in services.EDITABLE_FIELDS:
            if name not in self.fields:
                continue
            before = getattr(then, Position._meta.get_field(name).attname)
            if self.fields[name].has_changed(before, self[name].data):
                edited.append(name)
        return edited

    def _report_conflict(self, conflict: services.VersionConflict) -> None:
        rows = [
            (_label(name), _show(before), _show(after))
            for name, before, after in _resolved(conflict.changes)
        ]
        intro = (
            f"Someone else saved this position while you were editing it (it is now at "
            f"version {conflict.current.version}). Your input is kept below; nothing was saved. "
            "Their changes: "
        )
        detail = (
            format_html_join("; ", "{}: “{}” → “{}”", rows)
            if rows
            else "the workflow status or version."
        )
        self.add_error(
            None,
            format_html(
                "{}{} Saving again applies only the fields you changed, over theirs, and keeps "
                "their other changes.",
                intro,
                detail,
            ),
        )
        # Let a deliberate second save go through, now that the editor has seen what changed.
        data = self.data.copy()
        loaded = self.cleaned_data.get("loaded_version") or self.cleaned_data["expected_version"]
        data[self.add_prefix("loaded_version")] = str(loaded)
        data[self.add_prefix("expected_version")] = str(conflict.current.version)
        self.data = data

    def _add_service_errors(self, error: ValidationError) -> None:
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for name, messages in error.message_dict.items():
            field = _ERROR_FIELDS.get(name, name)
            self.add_error(field if field in self.fields else None, messages)

    def save(self, commit=True):
        # Already written by the service during validation.
        return self.instance

    def save_m2m(self):
        """Positions have no many-to-many fields."""


def _only_changed(changes: dict, changed_data: list[str]) -> dict:
    """Apply only what the editor changed, so a save never reverts someone else's field."""
    return {name: value for name, value in changes.items() if name in changed_data}


def _label(name: str) -> str:
    return str(Position._meta.get_field(name).verbose_name).capitalize()


def _show(value) -> str:
    text = "—" if value in (None, "") else str(value)
    return text if len(text) <= 120 else text[:117] + "…"


def _resolved(changes):
    """Show related rows by name and choices by label, not by id or code."""
    for name, before, after in changes:
        field = Position._meta.get_field(name)
        if field.is_relation:
            model = field.related_model
            rows = model.objects.in_bulk([pk for pk in (before, after) if pk is not None])
            before, after = rows.get(before, before), rows.get(after, after)
        elif field.choices:
            labels = dict(field.flatchoices)
            before, after = labels.get(before, before), labels.get(after, after)
        yield name, before, after


class TransitionForm(forms.Form):
    """Confirming a workflow step; sending back and retracting need a text."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, text_label: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if text_label:
            self.fields["text"].label = text_label
            self.fields["text"].required = True
        else:
            self.fields.pop("text")


class DateOptionalTimeField(forms.SplitDateTimeField):
    """A date and time where the time may be left out: many reports print only the day.

    Without a time, the moment is midnight at the start of that day.
    """

    widget = AdminSplitDateTime

    def __init__(self, **kwargs):
        super().__init__(require_all_fields=False, **kwargs)
        self.fields[1].required = False

    def compress(self, data_list):
        empty = self.empty_values
        if data_list and data_list[0] not in empty and data_list[1] in empty:
            data_list = [data_list[0], datetime.time(0)]
        return super().compress(data_list)


class SourceAdminForm(forms.ModelForm):
    """A source; a URL already recorded is refused with a link to the existing source."""

    published_at = DateOptionalTimeField(
        label="Published at", required=False, help_text="Leave the time empty if it is not given."
    )
    modified_at = DateOptionalTimeField(
        label="Updated at (by the outlet)",
        required=False,
        help_text="As printed by the outlet; the time may be left empty.",
    )
    url = forms.URLField(label="URL", max_length=1000, required=False, assume_scheme="https")
    archived_url = forms.URLField(
        label="archived URL", max_length=1000, required=False, assume_scheme="https"
    )
    correction_note = forms.CharField(
        label="Correction note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Published positions quote this text: a change to it is a correction. Say "
        "what was corrected and why; the old text stays in the history, and quotes no longer "
        "in the text are marked orphaned.",
    )

    class Meta:
        model = Source
        fields = [
            "title",
            "kind",
            "outlet",
            "byline",
            "published_at",
            "modified_at",
            "url",
            "archived_url",
            "original",
            "language",
            "text",
        ]
        error_messages = {
            "text": {
                "max_length": f"A source's text can be at most {SOURCE_TEXT_MAX_LENGTH:,} "
                "characters (it has %(show_value)s): store the part positions quote."
            }
        }

    def clean(self):
        cleaned = super().clean()
        note = cleaned.get("correction_note", "")
        if "text" in self.changed_data and not note.strip() and records.is_public(self.instance):
            self.add_error(
                "correction_note",
                "Positions quote this text: say what was corrected in it and why.",
            )
        return cleaned

    def clean_url(self):
        url = self.cleaned_data.get("url", "")
        duplicate = find_duplicate(url, exclude_pk=self.instance.pk)
        if duplicate is not None:
            raise ValidationError(duplicate_message(duplicate))
        return url


def duplicate_message(source: Model):
    link = reverse("admin:positions_source_change", args=[source.pk])
    return format_html(
        'This URL is already recorded as <a href="{}">{}</a>. Open that source instead.',
        link,
        str(source),
    )


# A page's HTML, scripts and all, is often several times its article's text.
PASTE_MAX_LENGTH = 5_000_000


class SourceImportForm(forms.Form):
    """Paste an article (text or the page's HTML), or give its URL where fetching is allowed."""

    url = forms.URLField(label="URL", required=False, assume_scheme="https")
    pasted = forms.CharField(
        label="Article text or page HTML",
        required=False,
        max_length=PASTE_MAX_LENGTH,
        error_messages={
            "max_length": f"The paste can be at most {PASTE_MAX_LENGTH:,} characters (it has "
            "%(show_value)s): paste the article's text rather than the whole page."
        },
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text="Paste the article as text, or the page's HTML source (Ctrl+U, select all).",
    )
    fetch = forms.BooleanField(label="Fetch the URL", required=False)

    def __init__(self, *args, can_fetch: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_fetch:
            self.fields.pop("fetch")

    def clean(self):
        cleaned = super().clean()
        url = cleaned.get("url")
        if url and (duplicate := find_duplicate(url)) is not None:
            self.add_error("url", duplicate_message(duplicate))
        if not cleaned.get("pasted", "").strip() and not cleaned.get("fetch"):
            raise ValidationError("Paste the article's text or HTML.")
        if cleaned.get("fetch") and not url:
            self.add_error("url", "Give the URL to fetch.")
        return cleaned
