"""Reading every field of a form as plain data, and putting such data back.

A form's fields are found by type (``FIELD_SELECTOR``) and keyed by their id; what
``read_fields`` returns is JSON data, so it can be compared ("has anything
changed?") and kept on disk as a draft, then given back to ``restore_fields``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from textual.widget import Widget
from textual.widgets import Checkbox, Input, RadioButton, Select, SelectionList, TextArea

log = logging.getLogger("netcoach")
FIELD_SELECTOR = "Input, TextArea, Select, Checkbox, RadioButton, SelectionList"


def read_fields(root: Widget) -> dict[str, Any]:
    """Every field's value under ``root`` as plain JSON data, keyed by its id (or position)."""
    return {key: _value_of(widget) for key, widget in _keyed(root)}


def _keyed(root: Widget) -> Iterator[tuple[str, Widget]]:
    """Each field under ``root`` with its key: its id, or "~N" for the Nth without one."""
    unnamed = 0
    for widget in root.query(FIELD_SELECTOR):
        key = widget.id
        if key is None:
            key = f"~{unnamed}"
            unnamed += 1
        yield key, widget


def _value_of(widget: Widget) -> Any:
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Select):
        return None if widget.is_blank() else widget.value
    if isinstance(widget, Checkbox | RadioButton):
        return widget.value
    if isinstance(widget, SelectionList):
        return list(widget.selected)
    return None


def restore_fields(root: Widget, values: dict[str, Any]) -> None:
    """Put ``values`` (from ``read_fields``) back; fields that are gone or refuse a value
    are left as they are, so an old draft never breaks a form."""
    for key, widget in _keyed(root):
        if key not in values or _value_of(widget) == values[key]:
            continue
        try:
            _set_value(widget, values[key])
        except Exception as error:  # a stale choice, a changed form: skip that field
            log.info("draft value for %s not restored: %s", key, error)


def _set_value(widget: Widget, value: Any) -> None:
    if isinstance(widget, Input):
        widget.value = str(value)
    elif isinstance(widget, TextArea):
        widget.text = str(value)
    elif isinstance(widget, Select):
        if value is None:
            widget.clear()
        else:
            widget.value = value
    elif isinstance(widget, Checkbox | RadioButton):
        widget.value = bool(value)
    elif isinstance(widget, SelectionList):
        widget.deselect_all()
        for item in value:
            widget.select(item)


def changed_in(values: dict[str, Any], base: object) -> dict[str, Any]:
    """The entries of ``values`` that differ from ``base`` (all of them without one)."""
    if not isinstance(base, dict):
        return values
    return {key: value for key, value in values.items() if key not in base or base[key] != value}
