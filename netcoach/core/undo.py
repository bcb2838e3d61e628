"""What an undoable change did, as plain data: enough to put it back, even after a restart.

A change is described by its kind, the id of what it touched and the values it
replaced, never by a function, so the last one can be written to disk and read
back by the next run of netcoach.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from netcoach.core.important_dates import ImportantDate, from_stored
from netcoach.core.levels import level_name
from netcoach.core.models import ContactDraft
from netcoach.core.text import one_line

# Each kind names one change and how its undo finds what to put back.
ARCHIVE = "archive"  # target: contact id; before: {"archived": bool} (the state before)
LEVEL = "level"  # target: contact id; before: {"from_level", "to_level", "change_id"}
LEDGER_ENTRY = "ledger-entry"  # target: id of the deleted entry
WANT_HAVE = "want-have"  # target: id of the deleted want or have
FOLLOW_UP = "follow-up"  # target: id of the follow-up marked done
INTRODUCTION = "introduction"  # target: introduction id; before: {"state": previous state}
SUGGESTION = "suggestion"  # target: id of the introduction recorded as dismissed
CONTACT_EDIT = "contact-edit"  # target: contact id; before: the contact's fields
FOLLOW_UPS_ADDED = "follow-ups-added"  # target: event id; before: {"ids": the follow-ups added}
KINDS = frozenset(
    (ARCHIVE, LEVEL, LEDGER_ENTRY, WANT_HAVE, FOLLOW_UP, INTRODUCTION, SUGGESTION, CONTACT_EDIT)
) | {FOLLOW_UPS_ADDED}
FORMAT = 1
LABEL_LIMIT = 200


class UndoFormatError(ValueError):
    """A stored description of a change could not be read."""


@dataclass(frozen=True, slots=True)
class UndoAction:
    """One change that can be undone: ``label`` says what was done, in a person's words."""

    kind: str
    target: int
    label: str
    before: dict[str, object] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "kind": self.kind,
                "target": self.target,
                "label": self.label,
                "before": self.before,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> UndoAction:
        """Read a description written by ``to_json``; anything else raises UndoFormatError."""
        try:
            data = json.loads(text)
        except ValueError as error:
            raise UndoFormatError(f"not JSON: {error}") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise UndoFormatError("not a netcoach change (unknown format)")
        kind, target = data.get("kind"), data.get("target")
        label, before = data.get("label"), data.get("before", {})
        if kind not in KINDS:
            raise UndoFormatError(f"unknown kind of change {kind!r}")
        if not isinstance(target, int) or isinstance(target, bool):
            raise UndoFormatError("the changed record's id is not a number")
        if not isinstance(label, str) or not isinstance(before, dict):
            raise UndoFormatError("the description is incomplete")
        return cls(kind, target, label[:LABEL_LIMIT], before)


def archive(contact_id: int, name: str, archived: bool) -> UndoAction:
    """The contact was archived (``archived``) or brought back."""
    verb = "Archived" if archived else "Brought back"
    return UndoAction(
        ARCHIVE, contact_id, f"{verb} {one_line(name, 60)}", {"archived": not archived}
    )


def level_move(
    contact_id: int, name: str, from_level: int, to_level: int, change_id: int
) -> UndoAction:
    """The contact moved one level; ``change_id`` is the level change it recorded."""
    verb = "up" if to_level > from_level else "down"
    return UndoAction(
        LEVEL,
        contact_id,
        f"Moved {one_line(name, 60)} {verb}: {from_level} {level_name(from_level)} → "
        f"{to_level} {level_name(to_level)}",
        {"from_level": from_level, "to_level": to_level, "change_id": change_id},
    )


def ledger_entry_deleted(entry_id: int, summary: str) -> UndoAction:
    return UndoAction(LEDGER_ENTRY, entry_id, f"Deleted {one_line(summary, 80)}")


def want_have_deleted(item_id: int, kind: str, phrase: str) -> UndoAction:
    return UndoAction(WANT_HAVE, item_id, f"Deleted the {kind} “{one_line(phrase, 60)}”")


def follow_up_done(follow_up_id: int, what: str, contact_name: str) -> UndoAction:
    return UndoAction(
        FOLLOW_UP,
        follow_up_id,
        f"Follow-up with {one_line(contact_name, 40)} done: {one_line(what, 60)}",
    )


def follow_ups_added(event_id: int, follow_up_ids: list[int], label: str) -> UndoAction:
    """Follow-ups were added after an event; undoing removes those still open."""
    return UndoAction(FOLLOW_UPS_ADDED, event_id, label, {"ids": list(follow_up_ids)})


def introduction_dismissed(introduction_id: int, names: str, state: str) -> UndoAction:
    return UndoAction(
        INTRODUCTION,
        introduction_id,
        f"Dismissed the introduction {one_line(names, 80)}",
        {"state": state},
    )


def suggestion_dismissed(introduction_id: int, names: str) -> UndoAction:
    return UndoAction(
        SUGGESTION, introduction_id, f"Dismissed the suggestion {one_line(names, 80)}"
    )


def contact_edited(
    contact_id: int, name: str, replaced: dict[str, object], saved: dict[str, object]
) -> UndoAction:
    """The contact form wrote ``saved`` over ``replaced`` (the fields it changed, as they
    were); undoing puts back only those, and only while nobody changed them since."""
    return UndoAction(
        CONTACT_EDIT,
        contact_id,
        f"Edited {one_line(name, 60)}",
        {"fields": _plain(replaced), "saved": _plain(saved)},
    )


def contact_edit_fields(
    action: UndoAction,
) -> tuple[dict[str, object], dict[str, object] | None]:
    """The fields a contact edit replaced and what it wrote (None for a change kept by an
    older netcoach, which described every field and wrote them all)."""
    fields, saved = action.before.get("fields"), action.before.get("saved")
    if isinstance(fields, dict) and isinstance(saved, dict):
        return _tuples(fields), _tuples(saved)
    return _tuples(action.before), None


def _plain(values: dict[str, object]) -> dict[str, object]:
    """The values as JSON holds them: lists for tuples, a birthday as it is stored."""
    return {
        name: list(v) if isinstance(v, tuple) else v.stored() if isinstance(v, ImportantDate) else v
        for name, v in values.items()
    }


def _tuples(values: dict[str, object]) -> dict[str, object]:
    known = ContactDraft.__dataclass_fields__
    return {
        name: tuple(v)
        if isinstance(v, list)
        else from_stored(v)
        if name in DAY_FIELDS and isinstance(v, str)
        else v
        for name, v in values.items()
        if name in known
    }


DAY_FIELDS = ("birthday", "anniversary")
