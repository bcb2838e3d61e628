"""The save cycle every form shares: read the fields, check them, write only what changed.

``DraftFormScreen`` is what a form screen subclasses. It adds to ``FormGuard`` (which
never loses what was typed) the check-then-write save: ``read_draft`` gives the
record and its problems, ``show_errors`` puts each beside its field, and ``write``
runs in a worker thread. A record another copy changed since the form opened is
settled field by field (``clash``); one deleted since is refused in words, never
written again.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any, ClassVar, Generic, TypeVar

from textual import on, work
from textual.message import Message
from textual.widgets import Button

from netcoach.core.merge import Clash, RecordChanged
from netcoach.data.errors import NotFoundError, ValidationError
from netcoach.screens.forms.clash import ClashModal, ClashView
from netcoach.screens.forms.guard import FormGuard
from netcoach.widgets.failures import failure_reason, log_failure

log = logging.getLogger("netcoach")
ResultType = TypeVar("ResultType")


class DraftFormScreen(FormGuard[ResultType], Generic[ResultType]):
    """A form screen; subclasses provide ``read_draft``, ``show_errors`` and ``write``.

    A form that edits a saved record calls ``opened_with`` with the record's fields
    (named as in its draft) when it fills them in. Its ``write`` then sends only
    ``self.changes`` (the fields the person changed) with ``self.opened`` (those
    fields as the form opened with them) to a repository write that checks, in the
    same transaction, whether another copy changed them since (``RecordChanged``).
    Each clash is shown with both values (``ClashModal``) and the save goes on with
    the person's choice; escape goes back to the form with nothing lost.
    """

    class Refused(Message):
        """The repository refused the draft; ``errors`` maps each field to its message."""

        def __init__(self, errors: dict[str, str]) -> None:
            super().__init__()
            self.errors = errors

    class Clashed(Message):
        """Another copy changed fields this save changed too; nothing was written."""

        def __init__(self, clashes: tuple[Clash, ...]) -> None:
            super().__init__()
            self.clashes = clashes

    RECORD_FIELDS: ClassVar[dict[str, tuple[str, ...]]] = {}
    """The record fields each form field or extra value holds (see ``fields_of``)."""
    FIELD_LABELS: ClassVar[dict[str, str]] = {}
    """What the clash dialog calls each record field."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.opened_record: dict[str, Any] | None = None
        """The edited record's fields as the form opened them; None for a new record."""
        self.opened: dict[str, Any] = {}
        """For the save under way: each changed field as the form opened with it."""
        self.changes: dict[str, Any] = {}
        """For the save under way: each field the person changed, with its new value."""
        self._kept_theirs: dict[str, Any] = {}

    def read_draft(self) -> tuple[Any, dict[str, str]]:
        """The draft from the fields, and every problem found in it."""
        raise NotImplementedError

    def show_errors(self, errors: dict[str, str]) -> None:
        raise NotImplementedError

    def write(self, draft: Any) -> Message:
        """Save the draft (in a worker thread) and return the message that announces it."""
        raise NotImplementedError

    def ready_to_save(self) -> bool:
        return True

    def placed_errors(self, errors: dict[str, str]) -> dict[str, str]:
        """The repository's errors keyed by the fields that show them."""
        return errors

    # ---- saving only what changed ----------------------------------------------------------

    def opened_with(self, values: Mapping[str, Any]) -> None:
        """The record as the form opened it, field by field, with the draft's names and types."""
        self.opened_record = dict(values)
        self._kept_theirs = {}

    def fields_of(self, key: str) -> tuple[str, ...]:
        """The record fields a form field (``key`` as in ``read_fields``) or an
        ``extra_values`` entry holds: as ``RECORD_FIELDS`` says, or by default the field
        ``#field-name`` holds ``name``."""
        if self.RECORD_FIELDS:
            return self.RECORD_FIELDS.get(key, ())
        return (key.removeprefix("field-"),) if key.startswith("field-") else ()

    def changed_fields(self) -> set[str]:
        """The record fields whose form fields differ from what the form opened with."""
        if self.initial_values is None:
            return set()
        now, was = self.draft_values(), self.initial_values
        changed: set[str] = set()
        for part in ("fields", "extra"):
            before, after = was.get(part) or {}, now.get(part) or {}
            for key in set(before) | set(after):
                if before.get(key) != after.get(key):
                    changed.update(self.fields_of(key))
        return changed

    def changes_in(self, draft: Any) -> dict[str, Any]:
        """The draft's values for the fields the person changed (and has not given up on
        for the saved value in a clash)."""
        opened = self.opened_record or {}
        found = {}
        for name in sorted(self.changed_fields()):
            if name not in opened:
                continue
            value = getattr(draft, name)
            kept = self._kept_theirs
            if name in kept and kept[name] == value:
                continue
            found[name] = value
        return found

    def describe_clash(self, clash: Clash) -> ClashView:
        """How the clash dialog shows a clash; forms name their fields and values."""
        return ClashView(
            clash.field,
            self.FIELD_LABELS.get(clash.field, clash.field.replace("_", " ").capitalize()),
            self.show_value(clash.field, clash.theirs),
            self.show_value(clash.field, clash.mine),
        )

    def show_value(self, field: str, value: Any) -> str:
        """A field's value in words for the clash dialog."""
        if value is None or value == "" or value == ():
            return "(blank)"
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, tuple | list):
            return ", ".join(str(item) for item in value)
        if isinstance(value, datetime):
            return f"{value:%a %d %b %Y %H:%M}"
        if isinstance(value, date):
            return f"{value:%a %d %b %Y}"
        if isinstance(value, Enum):
            return str(value.value).replace("_", " ")
        return str(value)

    @on(Clashed)
    def clashed(self, message: Clashed) -> None:
        self.saving = False
        self.check_draft()
        clashes = message.clashes
        names = [self.describe_clash(clash).label for clash in clashes]

        def answered(decisions: dict[str, str] | None) -> None:
            if decisions is None:
                listed = (
                    names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
                )
                self.show_save_failure(
                    f"another netcoach changed {listed} since this {self.FORM_NAME} was opened"
                )
                self.save_settled(False)
                return
            opened = self.opened_record if self.opened_record is not None else {}
            for clash in clashes:
                opened[clash.field] = clash.theirs
                if decisions.get(clash.field) == "theirs":  # as sent, before any tidying
                    self._kept_theirs[clash.field] = self.changes.get(clash.field, clash.mine)
            self.action_save()

        views = [self.describe_clash(clash) for clash in clashes]
        self.app.push_screen(ClashModal(self.FORM_NAME, views), answered)

    def start_save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#form-save")
    def action_save(self) -> None:
        if self.saving or self.save_refused_before_load():
            return
        if not self.ready_to_save():
            self.save_settled(False)
            return
        draft, errors = self.read_draft()
        self.show_errors(errors)
        if errors:
            marked = "the field" if len(errors) == 1 else f"the {len(errors)} fields"
            self.notify(f"Please correct {marked} marked in red.", severity="warning")
            self.save_settled(False)
            return
        self.show_save_failure(None)
        self.saving = True
        if self.opened_record is not None:
            self.changes = self.changes_in(draft)
            self.opened = {name: self.opened_record[name] for name in self.changes}
        self.save(draft, self.saved_draft_sequence())

    @work(thread=True, group="db-write", exit_on_error=False)
    def save(self, draft: Any, sequence: int) -> None:
        try:
            announced = self.write(draft)
        except ValidationError as error:
            self.post_message(self.Refused(error.errors))
            return
        except RecordChanged as changed:
            self.post_message(self.Clashed(changed.clashes))
            return
        except NotFoundError as error:
            log.warning("saving the %s: %s", self.FORM_NAME, error)
            reason = f"{self.gone_reason()} since this form was opened"
            self.post_message(self.SaveFailed(reason, retry=False))
            return
        except Exception as error:
            log_failure(f"saving the {self.FORM_NAME}", error)
            self.post_message(self.SaveFailed(failure_reason(error)))
            return
        self.forget_draft(self.draft_file, sequence)
        self.post_message(announced)

    @on(Refused)
    def refused(self, message: Refused) -> None:
        self.saving = False
        if message.errors:
            self.show_errors(self.placed_errors(message.errors))
            self.notify("Not saved: please correct the fields marked in red.", severity="warning")
        else:
            self.show_save_failure("the record was refused")
        self.save_settled(False)
