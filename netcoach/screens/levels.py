"""The levels board: five columns from Identify to Inner circle, each paged on its own."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist
from textual.worker import get_current_worker

from netcoach.core.levels import KEY_CONTACT_TARGET, LEVELS, level_name
from netcoach.core.models import ContactFilter, ContactPage, ContactRow
from netcoach.data.repo import Store
from netcoach.screens.contact_actions import ContactActions, Target
from netcoach.widgets.status import STATUS_STYLE, clip, when_text

FIRST_PAGE = 20
PAGE_SIZE = 100
CARD_WIDTH = 17
RELOAD_LIMIT = 1_000


@dataclass(frozen=True, slots=True)
class Column:
    level: int
    page: ContactPage


class LevelsScreen(ContactActions, Screen[None]):
    """Review contacts by relationship level and move them up or down with a reason."""

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
        self.loading: set[int] = set()
        self.counts: dict[int, int] = dict.fromkeys(range(1, 6), 0)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="board-summary")
        with Horizontal(id="board-columns"):
            for level in LEVELS:
                with Vertical(classes="board-column", id=f"board-column-{level.number}"):
                    yield Static(
                        Content.from_markup("[b]$name[/b]", name=level.name),
                        id=f"board-title-{level.number}",
                        classes="board-title",
                    )
                    yield OptionList(id=f"board-list-{level.number}", classes="board-list")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#board-list-1", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    # ---- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        self.loading.clear()
        limits = {
            level: min(RELOAD_LIMIT, max(FIRST_PAGE, self.loaded[level])) for level in range(1, 6)
        }
        self.load_board(limits, self._focused_id())

    @work(thread=True, exclusive=True, group="levels-load", exit_on_error=False)
    def load_board(self, limits: dict[int, int], keep: int | None) -> None:
        repo = self.store.contacts
        counts = repo.level_counts()
        columns = [
            Column(level, repo.page(ContactFilter(level=level), limit=limit, count=False))
            for level, limit in limits.items()
        ]
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
        today = self.store.today()
        if message.counts:
            self.counts = message.counts
            self._show_counts()
        for column in message.columns:
            level = column.level
            options = self.query_one(f"#board-list-{level}", OptionList)
            if message.append:
                self.loading.discard(level)
            else:
                highlighted = options.highlighted
                options.clear_options()
                self.loaded[level] = 0
            width = max(10, min(40, options.content_size.width - 3 or CARD_WIDTH))
            options.add_options([self._card(row, today, width) for row in column.page.rows])
            for row in column.page.rows:
                self.rows[row.id] = row
            self.loaded[level] += len(column.page.rows)
            self.after[level] = column.page.after
            self.more[level] = column.page.more
            if not message.append and options.option_count:
                index = highlighted or 0
                if message.keep is not None:
                    with contextlib.suppress(OptionDoesNotExist):
                        index = options.get_option_index(str(message.keep))
                options.highlighted = min(index, options.option_count - 1)

    def _show_counts(self) -> None:
        for level in LEVELS:
            self.query_one(f"#board-title-{level.number}", Static).update(
                Content.from_markup(
                    "[b]$number $name[/b]  $count",
                    number=str(level.number),
                    name=level.name,
                    count=f"{self.counts.get(level.number, 0):,}",
                )
            )
        key = sum(n for level, n in self.counts.items() if level >= KEY_CONTACT_TARGET)
        total = sum(self.counts.values())
        share = f" ({key * 100 // total}%)" if total else ""
        self.query_one("#board-summary", Static).update(
            f"{key:,} of {total:,} contacts at {level_name(KEY_CONTACT_TARGET)} or above{share}: "
            "key contacts should get there.  ← → columns · + / - move · enter opens"
        )

    def _card(self, row: ContactRow, today: date, width: int = 0) -> Option:
        width = width or CARD_WIDTH
        card = Text(no_wrap=True, overflow="ellipsis")
        card.append(clip(row.name, width - 2), style="bold")
        if row.is_advisor:
            card.append(" ★")
        card.append("\n" + clip(row.company or "—", width))
        when = when_text(row.last_interaction_at, today).replace(" days", "d")
        status = row.status.value
        card.append("\n")
        card.append(status, style=STATUS_STYLE[row.status])
        card.append(" " + clip(f"· {when}", max(0, width - len(status) - 1)), style="dim")
        return Option(card, id=str(row.id))

    @on(OptionList.OptionHighlighted, ".board-list")
    def near_end(self, event: OptionList.OptionHighlighted) -> None:
        level = int((event.option_list.id or "0").rsplit("-", 1)[-1])
        if (
            event.option_index >= self.loaded[level] - 10
            and self.more[level]
            and level not in self.loading
        ):
            self.loading.add(level)
            self.load_more(level, self.after[level])

    # ---- actions ---------------------------------------------------------------------------

    def _focused_list(self) -> OptionList | None:
        focused = self.focused
        return focused if isinstance(focused, OptionList) else None

    def _focused_id(self) -> int | None:
        options = self._focused_list()
        if options is None or options.highlighted is None:
            return None
        option_id = options.get_option_at_index(options.highlighted).id
        return int(option_id) if option_id else None

    def selected_target(self) -> Target | None:
        row = self.rows.get(self._focused_id() or -1)
        return Target(row.id, row.name, row.level, row.archived) if row else None

    def action_column(self, step: int) -> None:
        options = self._focused_list()
        level = int((options.id or "1").rsplit("-", 1)[-1]) if options else 1
        target = min(5, max(1, level + step))
        new_list = self.query_one(f"#board-list-{target}", OptionList)
        if new_list.highlighted is None and new_list.option_count:
            new_list.highlighted = 0
        new_list.focus()

    def action_refresh(self) -> None:
        self.reload()

    def action_open_contact(self) -> None:
        contact_id = self._focused_id()
        if contact_id is not None:
            self.open_contact(contact_id)

    @on(OptionList.OptionSelected, ".board-list")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.open_contact(int(event.option.id))

    def open_contact(self, contact_id: int) -> None:
        from netcoach.screens.contact_detail import ContactDetailScreen

        self.app.push_screen(ContactDetailScreen(self.store, contact_id))
