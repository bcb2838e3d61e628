"""A form's labelled rows and the message under each field.

Every form lays a field out the same way: a row ``#row-<field>`` with its label on
the left, and under the field an optional hint ``#hint-<field>`` and its message
``#error-<field>`` (hidden until there is something to say: the class ``-shown``).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Label, Static


def form_row(field: str, label: str, widget: Widget, hint: bool = False) -> ComposeResult:
    """The labelled row for one field, with its (hidden) hint and message lines."""
    with Horizontal(classes="form-row", id=f"row-{field}"):
        yield Label(label, classes="form-label")
        with Vertical(classes="form-field"):
            yield widget
            if hint:
                yield Static("", id=f"hint-{field}", classes="form-hint")
            yield Static("", id=f"error-{field}", classes="form-error")


def form_buttons(id: str = "form-buttons") -> ComposeResult:
    """Save and Cancel under a form, in a row ``#<id>``; the form's base handles both."""
    with Horizontal(id=id):
        yield Button("Save  ctrl+s", variant="primary", id="form-save")
        yield Button("Cancel  esc", id="form-cancel")


def show_message(line: Static, message: str) -> None:
    """Say ``message`` on a field's message line; an empty one hides the line."""
    line.update(Content(message))
    line.set_class(bool(message), "-shown")
