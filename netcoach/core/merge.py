"""Saving only what a person changed, and finding what another copy of netcoach changed too.

A form remembers the record as it opened (``opened``) and sends only the fields the
person changed (``changes``). Inside the write's transaction the repository reads
the record as it is now (``current``): a changed field that nobody else touched is
written; a field the person did not change keeps whatever is there now; and a field
both changed, to different values, is a ``Clash`` that the person decides.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

Same = Callable[[str, object, object], bool]


def same_value(field: str, first: object, second: object) -> bool:
    """Plain equality: the default way two values of a field are compared."""
    return first == second


@dataclass(frozen=True, slots=True)
class Clash:
    """One field changed both here and elsewhere since the form opened."""

    field: str
    opened: object  # what the form opened with
    theirs: object  # what the database holds now
    mine: object  # what the person typed


class RecordChanged(Exception):
    """The record changed underneath the form in fields it changed too; nothing was written."""

    def __init__(self, clashes: tuple[Clash, ...]) -> None:
        names = ", ".join(clash.field for clash in clashes)
        super().__init__(f"changed elsewhere since the form opened: {names}")
        self.clashes = clashes


def find_clashes(
    opened: Mapping[str, object],
    current: Mapping[str, object],
    changes: Mapping[str, object],
    same: Same = same_value,
) -> tuple[Clash, ...]:
    """Each changed field whose value now differs from both what the form opened with
    and what the person typed (the same change made twice is no clash)."""
    found = []
    for field, mine in changes.items():
        theirs = current[field]
        was = opened.get(field, theirs)
        if not same(field, theirs, was) and not same(field, theirs, mine):
            found.append(Clash(field, was, theirs, mine))
    return tuple(found)


def to_write(
    current: Mapping[str, object], changes: Mapping[str, object], same: Same = same_value
) -> dict[str, object]:
    """The changes that differ from what is there now: the only fields a save writes."""
    return {
        field: value for field, value in changes.items() if not same(field, current[field], value)
    }


def merged(
    opened: Mapping[str, object],
    current: Mapping[str, object],
    changes: Mapping[str, object],
    same: Same = same_value,
) -> dict[str, object]:
    """The record as a save leaves it: ``current`` with ``changes`` over it.

    Raises ``RecordChanged`` when a changed field was also changed elsewhere since the
    form opened. Call it inside the write's transaction, with ``current`` read there.
    """
    clashes = find_clashes(opened, current, changes, same)
    if clashes:
        raise RecordChanged(clashes)
    return {**current, **changes}


def merged_set(
    opened: tuple[int, ...], current: tuple[int, ...], mine: tuple[int, ...]
) -> tuple[int, ...]:
    """A set of ids both sides may add to and take from: what is there now, less what this
    side took out, plus what it added (so neither side's additions or removals are lost)."""
    removed = set(opened) - set(mine)
    kept = [item for item in current if item not in removed]
    added = [item for item in mine if item not in set(opened) and item not in kept]
    return (*kept, *added)
