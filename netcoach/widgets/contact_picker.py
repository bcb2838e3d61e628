"""Pick a contact by typing part of a name: matches appear below, up/down and enter choose."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from netcoach.core.levels import level_name
from netcoach.core.models import ContactRow
from netcoach.data.repo import Store

MATCHES_SHOWN = 8
NEW_OPTION = "new"


class ContactPicker(Vertical):
    """A search box over contacts with a short list of matches.

    | Key | What it does |
    | --- | --- |
    | down / up | Move through the matches |
    | enter | Pick the highlighted match (or create a new contact, when offered) |
    """

    PLACE = "Contact picker"  # how the help screen names it
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Next match", id="picker.down", show=False),
        Binding("up", "cursor_up", "Previous match", id="picker.up", show=False),
    ]

    DEFAULT_CSS = """
    ContactPicker {
        height: auto;
        & > OptionList {
            display: none;
            height: auto;
            max-height: 10;
            border: round $primary 50%;
        }
        &.-open > OptionList {
            display: block;
        }
        & > .picked {
            color: $success;
            padding: 0 1;
            height: auto;
        }
    }
    """

    class Picked(Message):
        """A contact was chosen."""

        def __init__(self, picker: ContactPicker, contact_id: int, name: str, level: int) -> None:
            super().__init__()
            self.picker = picker
            self.contact_id = contact_id
            self.name = name
            self.level = level

        @property
        def control(self) -> ContactPicker:
            return self.picker

    class NewRequested(Message):
        """The person asked for a new contact with the typed name."""

        def __init__(self, picker: ContactPicker, name: str) -> None:
            super().__init__()
            self.picker = picker
            self.name = name

        @property
        def control(self) -> ContactPicker:
            return self.picker

    class Matched(Message):
        def __init__(self, search: str, rows: tuple[ContactRow, ...], total: int) -> None:
            super().__init__()
            self.search = search
            self.rows = rows
            self.total = total

    def __init__(
        self,
        store: Store,
        *,
        allow_new: bool = False,
        keep_choice: bool = True,
        placeholder: str = "Type part of a name, then pick with ↓ and enter",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.store = store
        self.allow_new = allow_new
        self.keep_choice = keep_choice
        self.placeholder = placeholder
        self.contact_id: int | None = None
        self.contact_name = ""
        self._rows: dict[str, ContactRow] = {}

    def compose(self) -> ComposeResult:
        yield Input(placeholder=self.placeholder, classes="picker-input")
        yield OptionList(markup=False, classes="picker-matches")
        yield Static("", classes="picked")

    @property
    def input(self) -> Input:
        return self.query_one(".picker-input", Input)

    @property
    def text(self) -> str:
        return self.input.value

    def focus(self, scroll_visible: bool = True) -> ContactPicker:
        self.input.focus(scroll_visible)
        return self

    def choose(self, contact_id: int, name: str, level: int) -> None:
        """Show ``name`` as the chosen contact without searching."""
        self.contact_id = contact_id
        self.contact_name = name
        with self.prevent(Input.Changed):
            self.input.value = name
        self._show_choice(name, level)
        self.remove_class("-open")

    def _show_choice(self, name: str, level: int) -> None:
        self.query_one(".picked", Static).update(
            Content.from_markup(
                "✓ $name · level $level", name=name, level=f"{level} {level_name(level)}"
            )
        )

    @on(Input.Changed, ".picker-input")
    def typed(self, event: Input.Changed) -> None:
        event.stop()
        self.contact_id = None
        self.contact_name = ""
        self.query_one(".picked", Static).update("")
        if not event.value.strip():
            self.remove_class("-open")
            return
        self.search(event.value)

    @work(thread=True, exclusive=True, group="contact-pick", exit_on_error=False)
    def search(self, text: str) -> None:
        page = self.store.list_contacts(search=text, limit=MATCHES_SHOWN)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Matched(text, page.rows, page.total))

    @on(Matched)
    def show_matches(self, message: Matched) -> None:
        message.stop()
        if message.search != self.text or self.contact_id is not None:
            return
        matches = self.query_one(".picker-matches", OptionList)
        matches.clear_options()
        self._rows = {str(row.id): row for row in message.rows}
        options: list[Option] = [
            Option(
                f"{row.name}"
                + (f" · {row.company}" if row.company else "")
                + f" · {row.level} {level_name(row.level)}",
                id=str(row.id),
            )
            for row in message.rows
        ]
        name = " ".join(message.search.split())
        if self.allow_new and name:
            options.append(Option(f"+ New contact “{name}” at Identify", id=NEW_OPTION))
        if not options:
            options.append(Option(f"No contact matches “{name}”", id="none", disabled=True))
        matches.add_options(options)
        matches.highlighted = 0 if not options[0].disabled else None
        self.add_class("-open")

    def action_cursor_down(self) -> None:
        if self.has_class("-open"):
            self.query_one(".picker-matches", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.has_class("-open"):
            self.query_one(".picker-matches", OptionList).action_cursor_up()

    @on(Input.Submitted, ".picker-input")
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        matches = self.query_one(".picker-matches", OptionList)
        if not self.has_class("-open") or matches.highlighted is None:
            return
        self._pick(matches.get_option_at_index(matches.highlighted).id)

    @on(OptionList.OptionSelected, ".picker-matches")
    def selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._pick(event.option.id)
        self.input.focus()

    def _pick(self, option_id: str | None) -> None:
        if option_id == NEW_OPTION:
            name = " ".join(self.text.split())
            self._reset()
            self.post_message(self.NewRequested(self, name))
            return
        row = self._rows.get(option_id or "")
        if row is None:
            return
        if self.keep_choice:
            self.choose(row.id, row.name, row.level)
        else:
            self._reset()
        self.post_message(self.Picked(self, row.id, row.name, row.level))

    def _reset(self) -> None:
        self.contact_id = None
        self.contact_name = ""
        with self.prevent(Input.Changed):
            self.input.value = ""
        self.query_one(".picked", Static).update("")
        self.remove_class("-open")
