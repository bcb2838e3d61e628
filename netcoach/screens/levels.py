"""The levels board: five columns from Identify to Inner circle, each paged on its own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Static
from textual.worker import get_current_worker

from netcoach.core.levels import KEY_CONTACT_TARGET, LEVELS, level_name
from netcoach.core.models import ContactFilter, ContactPage, ContactRow
from netcoach.core.text import plural
from netcoach.data.repo import Store
from netcoach.screens.contact_actions import ContactActions, Target
from netcoach.widgets.card_list import CardList
from netcoach.widgets.footer import Footer
from netcoach.widgets.status import STATUS_STYLE, clip, when_text

FIRST_PAGE = 20
PAGE_SIZE = 100
RELOAD_LIMIT = 1_000
KEYS_HINT = "← → columns · ↑ ↓ cards · + / - move a level · enter opens"
# Below this many cells the five columns cannot each show a 16-cell name whole: they keep
# that width and the board scrolls sideways (the "-narrow" rules in app.tcss).
NARROW_BOARD = 120


@dataclass(frozen=True, slots=True)
class Column:
    level: int
    page: ContactPage


class LevelsScreen(ContactActions, Screen[None]):
    """Review contacts by relationship level and move them up or down with a reason."""

    TITLE = "netcoach — Levels board"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "column(-1)", "Left", id="levels.left", show=False),
        Binding("right", "column(1)", "Right", id="levels.right", show=False),
        Binding("enter", "open_contact", "Open", id="levels.open", show=False),
        *ContactActions.ACTION_BINDINGS,
        Binding("f5", "refresh", "Refresh", id="levels.refresh", show=False),
    ]

    class Loaded(Message):
        def __init__(
            self, counts: dict[int, int], columns: list[Column], append: bool, keep: int | None
        ) -> None:
            super().__init__()
            self.counts = counts
            self.columns = columns
            self.append = append
            self.keep = keep

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.rows: dict[int, ContactRow] = {}
        self.after: dict[int, tuple[str, int] | None] = dict.fromkeys(range(1, 6))
        self.more: dict[int, bool] = dict.fromkeys(range(1, 6), False)
        self.loaded: dict[int, int] = dict.fromkeys(range(1, 6), 0)
        self.levels_loading: set[int] = set()
        self.counts: dict[int, int] = dict.fromkeys(range(1, 6), 0)
        self.counts_shown: dict[int, int] | None = None
        self.stale = True
        self.today = store.today()

    def compose(self) -> ComposeResult:
        # The first page of every column loads while the screen is built and styled.
        self.reload()
        yield Header()
        yield Static(Content(f"Counting contacts by level…\n{KEYS_HINT}"), id="board-summary")
        with Horizontal(id="board-columns"):
            for level in LEVELS:
                cards = CardList(self._card, id=f"board-list-{level.number}", classes="board-list")
                cards.border_title = Content.from_markup(
                    "[b]$number $name[/b]", number=str(level.number), name=level.name
                )
                yield cards
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#board-list-1", CardList).focus()

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < NARROW_BOARD
        if narrow != self.has_class("-narrow"):
            self.set_class(narrow, "-narrow")
            if self.counts_shown is not None:
                self._show_summary()

    def on_screen_resume(self) -> None:
        # Textual resumes a new screen twice; it needs loading only if it was left since.
        if self.stale:
            self.reload()

    def on_screen_suspend(self) -> None:
        self.stale = True

    # ---- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        self.stale = False
        self.levels_loading.clear()
        limits = {
            level: min(RELOAD_LIMIT, max(FIRST_PAGE, self.loaded[level])) for level in range(1, 6)
        }
        self.load_board(limits, self._focused_id())

    @work(thread=True, exclusive=True, group="levels-load", exit_on_error=False)
    def load_board(self, limits: dict[int, int], keep: int | None) -> None:
        counts, pages = self.store.contacts.board(limits)
        columns = [Column(level, page) for level, page in pages.items()]
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(counts, columns, append=False, keep=keep))

    @work(thread=True, group="levels-more", exit_on_error=False)
    def load_more(self, level: int, after: tuple[str, int] | None) -> None:
        page = self.store.contacts.page(
            ContactFilter(level=level), after=after, limit=PAGE_SIZE, count=False
        )
        self.post_message(self.Loaded({}, [Column(level, page)], append=True, keep=None))

    @on(Loaded)
    def show_columns(self, message: Loaded) -> None:
        self.today = self.store.today()
        if message.counts:
            self.counts = message.counts
            self._show_counts()
        for column in message.columns:
            level = column.level
            cards = self.query_one(f"#board-list-{level}", CardList)
            new_cards = [(row.id, row) for row in column.page.rows]
            if message.append:
                self.levels_loading.discard(level)
                cards.add_cards(new_cards)
            else:
                highlighted = cards.cursor
                cards.replace_cards(new_cards)
                self.loaded[level] = 0
            for row in column.page.rows:
                self.rows[row.id] = row
            self.loaded[level] += len(column.page.rows)
            self.after[level] = column.page.after
            self.more[level] = column.page.more
            if not message.append and cards.card_count:
                index = highlighted
                if message.keep is not None:
                    found = cards.index_of(message.keep)
                    index = found if found is not None else index
                cards.move_cursor(min(index, cards.card_count - 1))
        self.refresh_bindings()  # + - i x act on a card: shown only when one is highlighted

    def _show_counts(self) -> None:
        if self.counts == self.counts_shown:
            return
        self.counts_shown = dict(self.counts)
        for level in LEVELS:
            # The count is in the column's bottom border (a new count needs no layout), where
            # a narrow column still has room for it after the level's name has been cut.
            count = self.counts.get(level.number, 0)
            self.query_one(f"#board-list-{level.number}", CardList).border_subtitle = Content(
                plural(count, "contact")
            )
        self._show_summary()

    def _show_summary(self) -> None:
        key = sum(n for level, n in self.counts.items() if level >= KEY_CONTACT_TARGET)
        total = sum(self.counts.values())
        share = f" ({key * 100 // total}%)" if total else ""
        summary = self.query_one("#board-summary", Static)
        # A narrow board shows three columns at a time: every column's count is listed here.
        second = KEYS_HINT
        if self.has_class("-narrow"):
            second = " · ".join(
                f"{level.name} {self.counts.get(level.number, 0):,}" for level in LEVELS
            )
        text = Content(
            f"{key:,} of {plural(total, 'contact')} at {level_name(KEY_CONTACT_TARGET)} or above"
            f"{share}: key contacts should get there.\n{second}"
        )
        # Laying out the screen again is needed only when the summary takes more or fewer lines.
        shape = summary.content_region
        same_height = shape.width > 0 and text.get_height(summary.styles, shape.width) == (
            shape.height
        )
        summary.update(text, layout=not same_height)

    def _card(self, row: ContactRow, width: int) -> tuple[Text, ...]:
        """A contact's card: name (★ for an advisor), company, and keep-in-touch in words."""
        today = self.today
        width = max(10, min(60, width))
        # An advisor's star follows the name, or starts the last line when the name needs
        # the room.
        star = " ★" if row.is_advisor else ""
        name_star = row.is_advisor and cell_len(row.name) + 2 <= width
        name = Text(clip(row.name, width) + (star if name_star else ""), style="bold")
        when = when_text(row.last_interaction_at, today).replace(" days", "d")
        status = row.status.value
        if row.is_advisor and not name_star:
            status = "★ " + status
        touch = Text(status, style=STATUS_STYLE[row.status])
        touch.append(" " + clip(f"· {when}", max(0, width - cell_len(status) - 1)), style="dim")
        return (name, Text(clip(row.company or "—", width)), touch)

    @on(CardList.Highlighted, ".board-list")
    def near_end(self, event: CardList.Highlighted) -> None:
        self.refresh_bindings()
        level = int((event.cards.id or "0").rsplit("-", 1)[-1])
        if event.index >= self.loaded[level] - 10:
            self._load_more(level)

    @on(CardList.NearEnd, ".board-list")
    def scrolled_near_end(self, event: CardList.NearEnd) -> None:
        self._load_more(int((event.widget.id or "0").rsplit("-", 1)[-1]))

    def _load_more(self, level: int) -> None:
        if self.more[level] and level not in self.levels_loading:
            self.levels_loading.add(level)
            self.load_more(level, self.after[level])

    # ---- actions ---------------------------------------------------------------------------

    def _focused_list(self) -> CardList | None:
        focused = self.focused
        return focused if isinstance(focused, CardList) else None

    def _focused_id(self) -> int | None:
        cards = self._focused_list()
        return None if cards is None else cards.id_at(cards.cursor)

    def selected_target(self) -> Target | None:
        row = self.rows.get(self._focused_id() or -1)
        return Target(row.id, row.name, row.level, row.archived) if row else None

    def action_column(self, step: int) -> None:
        options = self._focused_list()
        level = int((options.id or "1").rsplit("-", 1)[-1]) if options else 1
        target = min(5, max(1, level + step))
        self.query_one(f"#board-list-{target}", CardList).focus()

    def action_refresh(self) -> None:
        self.reload()

    def action_open_contact(self) -> None:
        contact_id = self._focused_id()
        if contact_id is not None:
            self.open_contact(contact_id)

    @on(CardList.Selected, ".board-list")
    def chosen(self, event: CardList.Selected) -> None:
        self.open_contact(event.card_id)

    def open_contact(self, contact_id: int) -> None:
        from netcoach.screens.contact_detail import ContactDetailScreen

        self.app.push_screen(ContactDetailScreen(self.store, contact_id))
