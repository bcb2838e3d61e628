"""Today: the pitch to use next, its length against its limit, and `e` to rehearse it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from netcoach.core.pitch import REHEARSE_NOT_REWRITE, format_duration, is_last_minute
from netcoach.core.pitch import PitchCard as PitchCardData
from netcoach.core.text import one_line, plural
from netcoach.data import today as reads
from netcoach.data.repo import Store
from netcoach.widgets.today_section import TodaySection


class PitchCard(TodaySection):
    """Shows the pitch marked to use next; `e` rehearses it (the binding is on Today).

    On a database with no contacts the card shows only once a pitch exists, so a new
    user sees the first steps rather than an empty box.
    """

    ON_EMPTY_DATABASE = "show"

    def __init__(self, store: Store, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(store, id=id, classes=classes)
        self.card: PitchCardData | None = None

    def compose(self) -> ComposeResult:
        yield Static("Your pitch", classes="section-title")
        yield Static("", id="today-pitch-text")

    @classmethod
    def fetch(cls, store: Store) -> tuple[PitchCardData | None, bool]:
        return reads.pitch_to_use(store)

    def show(self, data: object) -> None:
        card, has_contacts = data if isinstance(data, tuple) else (None, False)
        self.card = card
        text = self.query_one("#today-pitch-text", Static)
        if card is None:
            self.display = has_contacts
            text.update("No pitch yet. Press p to write your one-minute pitch.")
            self.set_class(False, "-over")
            return
        over = card.seconds > card.limit_seconds
        event = ""
        if card.next_event_on is not None:
            event = (
                f"\nEvent TODAY: {REHEARSE_NOT_REWRITE}."
                if is_last_minute(card.next_event_on, self.store.today())
                else f"\nNext event {card.next_event_on:%a %d %b}."
            )
        whose = card.profile.signature
        text.update(
            Content.from_markup(
                "$whose[b]$name[/b] · $words · about $time of $limit ($verdict)"
                " · $rehearsals · e to rehearse$event",
                whose=f"{one_line(whose, 80)}\n" if whose else "",
                name=one_line(card.name, 60),
                words=plural(card.words, "word"),
                time=format_duration(round(card.seconds)),
                limit=format_duration(card.limit_seconds),
                verdict="TOO LONG" if over else "fits",
                event=event,
                rehearsals=plural(card.rehearsals, "rehearsal"),
            )
        )
        self.set_class(over, "-over")
