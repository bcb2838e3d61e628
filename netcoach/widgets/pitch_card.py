"""A small card with the pitch to use next: its length against its limit, and how to rehearse."""

from __future__ import annotations

from textual import on, work
from textual.content import Content
from textual.message import Message
from textual.widgets import Static
from textual.worker import get_current_worker

from netcoach.core.pitch import PitchCard, format_duration, is_last_minute
from netcoach.data.repo import Store


class PitchCardWidget(Static):
    """Shows the pitch to use next; loads it in a thread worker whenever ``reload`` is called."""

    DEFAULT_CSS = """
    PitchCardWidget {
        height: auto;
        border: round $primary 50%;
        padding: 0 1;
        margin-bottom: 1;
        &.-over { border: round $error; }
    }
    """

    class Loaded(Message):
        def __init__(self, card: PitchCard | None) -> None:
            super().__init__()
            self.card = card

    def __init__(self, store: Store, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.store = store
        self.card: PitchCard | None = None

    def on_mount(self) -> None:
        self.reload()

    @work(thread=True, exclusive=True, group="pitch-card-load", exit_on_error=False)
    def reload(self) -> None:
        card = self.store.pitches.pitch_card()
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(card))

    @on(Loaded)
    def show_card(self, message: Loaded) -> None:
        message.stop()
        card = self.card = message.card
        if card is None:
            self.update("Your pitch: none yet. Press p to write your one-minute pitch.")
            self.set_class(False, "-over")
            return
        over = card.seconds > card.limit_seconds
        verdict = "TOO LONG" if over else "fits"
        event = ""
        if card.next_event_on is not None:
            event = (
                " · event TODAY: rehearse, don't rewrite"
                if is_last_minute(card.next_event_on, self.store.today())
                else f" · next event {card.next_event_on:%a %d %b}"
            )
        self.update(
            Content.from_markup(
                "Your pitch: [b]$name[/b] · $words words · about $time of $limit ($verdict)"
                "$event · $rehearsals rehearsals · e to rehearse",
                name=card.name[:60],
                words=f"{card.words:,}",
                time=format_duration(round(card.seconds)),
                limit=format_duration(card.limit_seconds),
                verdict=verdict,
                event=event,
                rehearsals=str(card.rehearsals),
            )
        )
        self.set_class(over, "-over")
