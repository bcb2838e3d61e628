"""The one way every form chooses a contact: type part of a name, then pick a match.

The same keys everywhere:

| Key | What it does |
| --- | --- |
| typing | Search; matches appear below, none highlighted yet |
| down / up | Move through the matches (down from the box highlights the first) |
| enter | Pick the highlighted match, or the first one when none is highlighted |
| ctrl+n | Add the typed name as a new contact (only where a form allows it) |

"+ New contact" is never a row in the matches, so down-then-enter always picks a real
contact. Picking never moves the focus: tab does, to the next field in reading order.
"""

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
from netcoach.core.models import ContactFilter, ContactRow
from netcoach.core.text import visible
from netcoach.data.errors import Superseded
from netcoach.data.repo import Store
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.limited import LimitedInput

MATCHES_SHOWN = 8
# The kind of read a search for matches is: the next key typed stops the one still running.
PICK_READ = "contact-pick"
# A match shows at most this much of a name or a company, so a long one stays on one line.
SHOWN_CELLS = 60


class MatchList(OptionList):
    """The matches under the box; never focused, so tab goes straight to the next field."""

    can_focus = False


class ContactPicker(ReportsFailures, Vertical):
    """A search box over contacts with a short list of matches below it."""

    PLACE = "Contact picker"  # how the help screen names it
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Next match", id="picker.down", show=False),
        Binding("up", "cursor_up", "Previous match", id="picker.up", show=False),
        Binding("ctrl+n", "new_contact", "New contact", id="picker.new"),
    ]

    DEFAULT_CSS = """
    ContactPicker {
        height: auto;
        & > Input:focus {
            border: tall $accent;
            background-tint: $accent 10%;
        }
        & > MatchList {
            display: none;
            height: auto;
            max-height: 10;
            border: round $primary 50%;
        }
        &:focus-within > MatchList {
            border: round $accent;
        }
        &.-open > MatchList {
            display: block;
        }
        & > .picked {
            color: $success;
            padding: 0 1;
            height: auto;
        }
        & > .picker-new {
            display: none;
            color: $text-muted;
            padding: 0 1;
            height: auto;
        }
        &.-offer-new > .picker-new {
            display: block;
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
        """The person asked (with ctrl+n) for a new contact with the typed name."""

        def __init__(self, picker: ContactPicker, name: str) -> None:
            super().__init__()
            self.picker = picker
            self.name = name

        @property
        def control(self) -> ContactPicker:
            return self.picker

    class Matched(Message):
        def __init__(
            self, search: str, rows: tuple[ContactRow, ...], total: int, any_contacts: bool = True
        ) -> None:
            super().__init__()
            self.search = search
            self.rows = rows
            self.total = total
            self.any_contacts = any_contacts

    def __init__(
        self,
        store: Store,
        *,
        allow_new: bool = False,
        keep_choice: bool = True,
        placeholder: str = "Type part of a name, then ↓ and enter",
        input_id: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.store = store
        self.allow_new = allow_new
        self.keep_choice = keep_choice
        self.placeholder = placeholder
        self.input_id = input_id
        self.contact_id: int | None = None
        self.contact_name = ""
        self._rows: dict[str, ContactRow] = {}
        # What the last search found: None before any, else (matches, any contact at all).
        self.found: tuple[int, bool] | None = None

    def compose(self) -> ComposeResult:
        yield LimitedInput(
            kind="name", placeholder=self.placeholder, id=self.input_id, classes="picker-input"
        )
        yield MatchList(markup=False, classes="picker-matches")
        yield Static("", classes="picker-new")
        yield Static("", classes="picked")

    @property
    def input(self) -> Input:
        return self.query_one(".picker-input", Input)

    @property
    def matches(self) -> OptionList:
        return self.query_one(".picker-matches", OptionList)

    @property
    def text(self) -> str:
        return self.input.value

    def focus(self, scroll_visible: bool = True) -> ContactPicker:
        self.input.focus(scroll_visible)
        return self

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "new_contact":
            return self.allow_new
        return True

    def choose(self, contact_id: int, name: str, level: int) -> None:
        """Show ``name`` as the chosen contact without searching."""
        self.contact_id = contact_id
        self.contact_name = name
        with self.prevent(Input.Changed):
            self.input.value = " ".join(name.split())[: self.input.max_length or None]
        self._show_choice(name, level)
        self._close()

    def _show_choice(self, name: str, level: int) -> None:
        self.query_one(".picked", Static).update(
            Content.from_markup(
                "✓ $name · level $level",
                name=_short(name),
                level=f"{level} {level_name(level)}",
            )
        )

    @on(Input.Changed, ".picker-input")
    def typed(self, event: Input.Changed) -> None:
        event.stop()
        self.contact_id = None
        self.contact_name = ""
        self.query_one(".picked", Static).update("")
        name = " ".join(event.value.split())
        self._offer_new(name)
        if not name:
            self._close()
            return
        self.search(event.value)

    def _offer_new(self, name: str) -> None:
        offer = self.allow_new and bool(name)
        if offer:
            self.query_one(".picker-new", Static).update(
                Content.from_markup("ctrl+n adds “$name” as a new contact", name=_short(name))
            )
        self.set_class(offer, "-offer-new")

    @work(thread=True, exclusive=True, group="contact-pick", exit_on_error=False)
    def search(self, text: str) -> None:
        # The contact list's own search, so a picker finds whom the Contacts screen finds.
        try:
            page = self.store.contacts.page(
                ContactFilter(search=text), limit=MATCHES_SHOWN, kind=PICK_READ
            )
        except Superseded:
            return
        any_contacts = bool(page.rows) or bool(
            self.store.contacts.page(ContactFilter(), limit=1, count=False).rows
        )
        if not get_current_worker().is_cancelled:
            total = max(page.total, len(page.rows))  # -1 when the count was skipped
            self.post_message(self.Matched(text, page.rows, total, any_contacts))

    @on(Matched)
    def show_matches(self, message: Matched) -> None:
        message.stop()
        if message.search != self.text or self.contact_id is not None:
            return
        matches = self.matches
        matches.clear_options()
        self._rows = {str(row.id): row for row in message.rows}
        options: list[Option] = [
            Option(
                _short(row.name)
                + (f" · {_short(row.company)}" if row.company else "")
                + f" · {row.level} {level_name(row.level)}",
                id=str(row.id),
            )
            for row in message.rows
        ]
        self.found = (message.total, message.any_contacts)
        if not options:
            options.append(Option(self.problem(), id="none", disabled=True))
        matches.add_options(options)
        matches.highlighted = None
        self.add_class("-open")

    def problem(self) -> str:
        """Why no contact is chosen for the typed text, and what to do about it."""
        name = _short(" ".join(self.text.split()))
        matches, any_contacts = self.found if self.found is not None else (1, True)
        if self.allow_new and (not any_contacts or not matches):
            return f"No contact matches “{name}”: ctrl+n adds them as a new contact."
        if not any_contacts:
            return "No contacts yet: add one on Contacts first (escape, c, then n)."
        if not matches:
            return (
                f"No contact matches “{name}”: check the spelling, or add them on "
                "Contacts first (escape, c, then n)."
            )
        return f"No contact picked for “{name}”: choose one from the list (↓, then enter)."

    def _real_matches(self) -> int:
        return len(self._rows) if self.has_class("-open") else 0

    def action_cursor_down(self) -> None:
        if not self._real_matches():
            return
        matches = self.matches
        if matches.highlighted is None:
            matches.highlighted = 0
        else:
            matches.action_cursor_down()

    def action_cursor_up(self) -> None:
        if not self._real_matches():
            return
        matches = self.matches
        if matches.highlighted == 0:
            matches.highlighted = None
        elif matches.highlighted is not None:
            matches.action_cursor_up()

    @on(Input.Submitted, ".picker-input")
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self._real_matches():
            return
        index = self.matches.highlighted
        self._pick(self.matches.get_option_at_index(0 if index is None else index).id)

    @on(OptionList.OptionSelected, ".picker-matches")
    def selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._pick(event.option.id)

    def action_new_contact(self) -> None:
        name = " ".join(self.text.split())
        if not self.allow_new or not name:
            return
        self._reset()
        self.post_message(self.NewRequested(self, name))

    def _pick(self, option_id: str | None) -> None:
        row = self._rows.get(option_id or "")
        if row is None:
            return
        if self.keep_choice:
            self.choose(row.id, row.name, row.level)
        else:
            self._reset()
        self.post_message(self.Picked(self, row.id, row.name, row.level))

    def _close(self) -> None:
        self.remove_class("-open")
        self.set_class(False, "-offer-new")

    def _reset(self) -> None:
        self.contact_id = None
        self.contact_name = ""
        with self.prevent(Input.Changed):
            self.input.value = ""
        self.query_one(".picked", Static).update("")
        self._close()


def _short(text: str) -> str:
    """One line of at most SHOWN_CELLS terminal cells."""
    from rich.cells import cell_len, set_cell_size

    line = visible(" ".join(text.split()))
    if cell_len(line) <= SHOWN_CELLS:
        return line
    return set_cell_size(line, SHOWN_CELLS - 1) + "…"
