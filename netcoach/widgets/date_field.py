"""One field for every date, time or deadline: typed in words, read back live beside it.

``DateField`` holds an Input (give it ``input_id`` so a form can find it) and the preview
under it: "→ Fri 27 Nov 2026, 07:00 (in 4 days)", or what could not be read, or why the
date is outside the field's plausible range. Parsing and the ranges are in
``netcoach.core.when``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from netcoach.core.important_dates import ImportantDate, describe_typed
from netcoach.core.validation import parse_day_of_year
from netcoach.core.when import DateRange, When, WhenError, describe_when, parse_when
from netcoach.widgets.limited import LimitedInput

Clock = Callable[[], datetime]
Remark = Callable[[When, datetime], str]


class PreviewedField(Vertical):
    """A text field and, under (or beside) it, a line saying how what is typed was read,
    kept up to date as the person types. Subclasses say how in ``show_preview``."""

    def __init__(
        self,
        value: str,
        *,
        placeholder: str,
        compact: bool,
        input_id: str | None,
        input_classes: str | None,
        preview_id: str | None,
        id: str | None,
        classes: str | None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._input = LimitedInput(
            value,
            kind="date",
            placeholder=placeholder,
            compact=compact,
            id=input_id,
            classes=input_classes,
        )
        self._preview = Static("", id=preview_id, classes="date-preview")

    def compose(self) -> ComposeResult:
        yield self._input
        yield self._preview

    def on_mount(self) -> None:
        self.show_preview()

    @property
    def input(self) -> Input:
        return self._input

    def show_preview(self) -> None:
        raise NotImplementedError

    @on(Input.Changed)
    def typed(self, event: Input.Changed) -> None:
        # The form may listen too (e.g. to re-read a length that depends on the start).
        self.show_preview()


class DateField(PreviewedField):
    """A date typed as people say it ("fri", "tomorrow 7am", "end of month"), with a preview.

    ``with_time`` False reads a day only (a deadline, a ledger date); the preview then
    leaves the time out. ``within`` is the plausible range the date must fall in.
    ``remark`` may add a few words to a good preview (e.g. "in the past: logged as held").
    """

    DEFAULT_CSS = """
    DateField {
        height: auto;
        & > .date-preview {
            color: $text-muted;
            padding: 0 1;
            height: auto;
        }
        & > .date-preview.-error {
            color: $text-error;
        }
        &.-beside {
            layout: horizontal;
            & > Input {
                width: 24;
            }
            & > .date-preview {
                width: 1fr;
            }
        }
    }
    """

    def __init__(
        self,
        clock: Clock,
        value: str = "",
        *,
        within: DateRange,
        with_time: bool = True,
        default_time: time = time(9, 0),
        placeholder: str = "",
        remark: Remark | None = None,
        required: bool = True,
        compact: bool = False,
        beside: bool = False,
        input_id: str | None = None,
        input_classes: str | None = None,
        preview_id: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(
            value,
            placeholder=placeholder,
            compact=compact,
            input_id=input_id,
            input_classes=input_classes,
            preview_id=preview_id,
            id=id,
            classes=classes,
        )
        self.clock = clock
        self.within = within
        self.with_time = with_time
        self.default_time = default_time
        self.remark = remark
        self.required = required
        self.set_class(beside, "-beside")

    @property
    def value(self) -> str:
        return self._input.value

    @value.setter
    def value(self, text: str) -> None:
        self._input.value = text

    def _now(self) -> datetime:
        return self.clock().replace(second=0, microsecond=0)

    def read(self) -> When:
        """The date typed; WhenError says what is wrong (unreadable, or out of range)."""
        return parse_when(self.value, self._now(), self.default_time, within=self.within)

    def result(self) -> tuple[When | None, str | None]:
        """(the date, None), (None, None) for a blank optional field, or (None, problem)."""
        if not self.value.strip() and not self.required:
            return None, None
        try:
            return self.read(), None
        except WhenError as error:
            return None, str(error)

    def show_preview(self) -> None:
        """Read the text again and show how it was read, or the problem."""
        preview = self._preview
        if not self.value.strip():
            preview.update("")
            preview.remove_class("-error")
            return
        now = self._now()
        when, problem = self.result()
        if when is None:
            preview.update(Content(problem or ""))
            preview.add_class("-error")
            return
        text = "→ " + describe_when(when.moment, now, has_time=self.with_time and when.has_time)
        if self.with_time and not when.has_time:
            text += f" (no time typed: {self.default_time:%H:%M} assumed)"
        extra = self.remark(when, now) if self.remark is not None else ""
        preview.update(Content(text + (f" · {extra}" if extra else "")))
        preview.remove_class("-error")

    def show_problem(self, problem: str) -> None:
        """Show a problem found elsewhere (e.g. by the repository) where the preview is."""
        self._preview.update(Content(problem))
        self._preview.add_class("-error")


class DayOfYearField(PreviewedField):
    """A birthday or anniversary: a day and month, the year if known, read back live.

    Built like ``DateField``, but a birthday is not a "when": it comes round every
    year, so the preview shows how the text was read and when it next comes round
    ("17 May 1980 · next Monday 17 May 2027 (turns 47)"). Blank is allowed.
    Reading is ``netcoach.core.important_dates``: numbers day first.
    """

    DEFAULT_CSS = """
    DayOfYearField {
        height: auto;
        & > .date-preview {
            color: $text-muted;
            padding: 0 1;
            height: auto;
        }
        & > .date-preview.-error {
            color: $text-error;
        }
    }
    """

    def __init__(
        self,
        today: Callable[[], date],
        kind: str = "birthday",
        value: str = "",
        *,
        placeholder: str = "",
        input_id: str | None = None,
        preview_id: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(
            value,
            placeholder=placeholder,
            compact=True,
            input_id=input_id,
            input_classes=None,
            preview_id=preview_id,
            id=id,
            classes=classes,
        )
        self.today = today
        self.kind = kind

    def result(self) -> tuple[ImportantDate | None, str | None]:
        """(the date, None), (None, None) when blank, or (None, what could not be read)."""
        return parse_day_of_year(self._input.value)

    def show_preview(self) -> None:
        preview = self._preview
        value, problem = self.result()
        preview.display = value is not None or problem is not None  # blank: no empty line
        if problem is not None:
            preview.update(Content(problem))
            preview.add_class("-error")
            return
        preview.remove_class("-error")
        if value is None:
            preview.update("")
            return
        preview.update(Content("→ " + describe_typed(value, self.today(), self.kind)))
