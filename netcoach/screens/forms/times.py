"""When a meeting starts and how long it lasts: the two fields one-to-ones and events share.

The start is a ``DateField`` (``#date-when``, its input ``#field-when``) that previews
how it was read; the length is an ``Input`` (``#field-length``) read against that
start ("until 9:00" needs one), whose hint line ``#hint-length`` says how it was
read, or what is wrong with it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Static

from netcoach.core.validation import DATE_TEXT_MAX
from netcoach.core.when import PLANNED, When, WhenError, describe_length, parse_length
from netcoach.screens.forms.rows import form_row, show_message
from netcoach.widgets.date_field import DateField


def start_and_length_rows(
    clock: Callable[[], datetime],
    examples: str,
    length: str,
    length_examples: str,
    remark: Callable[[When, datetime], str] | None = None,
) -> ComposeResult:
    """The "When" and "Length" rows, with their examples as placeholders."""
    yield from form_row(
        "when",
        "When",
        DateField(
            clock,
            within=PLANNED,
            placeholder=examples,
            remark=remark,
            input_id="field-when",
            preview_id="hint-when",
            id="date-when",
        ),
    )
    yield from form_row(
        "length",
        "Length",
        Input(
            value=length, placeholder=length_examples, max_length=DATE_TEXT_MAX, id="field-length"
        ),
        hint=True,
    )


def length_text(form: Widget) -> str:
    return form.query_one("#field-length", Input).value


def read_start_and_length(form: Widget, errors: dict[str, str]) -> tuple[datetime | None, int]:
    """The start and the length in minutes; a problem with either goes into ``errors``."""
    starts_at = None
    try:
        starts_at = form.query_one("#date-when", DateField).read().moment
    except WhenError as error:
        errors["when"] = str(error)
    minutes = 0
    try:
        minutes = int(parse_length(length_text(form), starts_at).total_seconds() // 60)
    except WhenError as error:
        errors["length"] = str(error)
    return starts_at, minutes


def show_start_and_length(form: Widget, with_end: bool = False) -> None:
    """Preview the start, and beside the length how it was read (``with_end``: and until when)."""
    date_field = form.query_one("#date-when", DateField)
    date_field.show_preview()
    when, _problem = date_field.result()
    starts_at = when.moment if when is not None else None
    length_hint = form.query_one("#hint-length", Static)
    try:
        length = parse_length(length_text(form), starts_at)
        end = f", until {starts_at + length:%H:%M}" if with_end and starts_at else ""
        length_hint.update(Content("→ " + describe_length(length) + end))
        length_hint.set_class(False, "-error")
    except WhenError as error:
        length_hint.update(Content(str(error)))
        length_hint.set_class(True, "-error")
    length_hint.set_class(True, "-shown")


def show_field_errors(form: Widget, errors: dict[str, str], order: tuple[str, ...]) -> str | None:
    """Each field's message under it, in ``order``; the start and the length say theirs in
    their own preview and hint. Returns the first field in error, to focus."""
    for field in order:
        label = form.query_one(f"#error-{field}", Static)
        if field == "when" and field in errors:
            form.query_one("#date-when", DateField).show_problem(errors[field])
            show_message(label, "")
            continue
        if field == "length" and field in errors:
            # The hint under the field already reads the text; it carries the problem.
            hint = form.query_one(f"#hint-{field}", Static)
            hint.update(Content(errors[field]))
            hint.set_class(True, "-error", "-shown")
            show_message(label, "")
            continue
        label.update(Content(errors.get(field, "")))
        label.set_class(field in errors, "-shown")
    return next((field for field in order if field in errors), None)


def describe_minutes(minutes: int) -> str:
    """A stored length (``duration_minutes``) in words, for the clash dialog."""
    return describe_length(timedelta(minutes=minutes))
