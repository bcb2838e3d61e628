"""The base of every card on the Today screen.

A section reads its data in the screen's worker thread (``fetch``, a classmethod
that only talks to the store) and shows it on the UI thread (``show``). To add a
card to Today, write a subclass and add one line to ``TodayScreen.SECTIONS``.

``netcoach today`` prints the same cards: put the card's read in ``netcoach.data.today``
(``fetch`` then just calls it) and add a renderer and one ``TextCard`` line to
``netcoach.core.today_text.TODAY_TEXT``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Literal

from textual.containers import Vertical
from textual.message import Message

from netcoach.data.repo import Store
from netcoach.widgets.keys import Browsing
from netcoach.widgets.typed_app import UsesNetcoachApp

if TYPE_CHECKING:
    from textual.screen import Screen

EmptyRule = Literal["hide", "only", "show"]


class TodaySection(Browsing, UsesNetcoachApp, Vertical):
    """One card of Today: a title, its content, and keys that act on what it shows."""

    # On a database with no contacts: "hide" the card, show it "only" then, or always "show" it.
    ON_EMPTY_DATABASE: ClassVar[EmptyRule] = "hide"

    class Changed(Message):
        """The section wrote something: every card on Today should reload."""

    def __init__(self, store: Store, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.store = store

    @classmethod
    def fetch(cls, store: Store) -> object:
        """Read what the card shows; runs in a worker thread, so never touch widgets here."""
        return None

    def show(self, data: object) -> None:
        """Show what ``fetch`` returned; runs on the UI thread."""

    def open_then_reload(self, screen: Screen[Any]) -> None:
        """Open ``screen`` over Today; once it closes, whatever it did, every card reloads."""
        self.app.push_screen(screen, lambda _result: self.post_message(self.Changed()))

    def shown_on(self, empty_database: bool) -> bool:
        if self.ON_EMPTY_DATABASE == "only":
            return empty_database
        if self.ON_EMPTY_DATABASE == "hide":
            return not empty_database
        return True


class ContactRowsSection(TodaySection):
    """A card whose table lists contacts, each row keyed by the contact's id: ``rows``
    holds what each row shows, ``current_row`` is the highlighted one, and enter on a
    row opens that contact (the card reloads when it closes)."""

    def __init__(self, store: Store, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(store, id=id, classes=classes)
        self.rows: dict[str, Any] = {}

    def current_row(self) -> Any:
        from textual.widgets import DataTable

        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.rows.get(key or "")

    def on_data_table_row_selected(self, event: Any) -> None:
        event.stop()
        key = event.row_key.value or ""
        if key not in self.rows:
            return
        from netcoach.screens.contact_detail import ContactDetailScreen

        self.open_then_reload(ContactDetailScreen(self.store, int(key)))
