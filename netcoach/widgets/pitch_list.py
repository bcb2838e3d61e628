"""The Pitch studio's list of pitches: which one is shown, and which is the one to use next."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from netcoach.core.pitch import Pitch, format_duration
from netcoach.widgets.status import clip

EMPTY_NOTE = (
    "No pitch yet.\n\nPress ctrl+g and the guide walks you through your first "
    "pitch, one part at a time. Or ctrl+n for a blank one."
)
NEXT_NOTE = "▶ marks the pitch to use next."


class PitchList(Vertical):
    """Every pitch, its time limit and version; ▶ marks the one to use next.

    Posts ``PitchList.Chosen`` when the person moves to another pitch.
    """

    @dataclass
    class Chosen(Message):
        """The person highlighted a pitch in the list."""

        pitch_list: PitchList
        pitch_id: int

        @property
        def control(self) -> PitchList:
            return self.pitch_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pitches: list[Pitch] = []

    def compose(self) -> ComposeResult:
        yield Static("Pitches", classes="section-title")
        yield OptionList(id="pitch-list", markup=False)
        yield Static("", id="pitch-empty")

    def show(self, pitches: list[Pitch], select: int | None) -> int | None:
        """List the pitches and highlight ``select`` (else the first); returns the one shown."""
        self.pitches = pitches
        option_list = self.query_one("#pitch-list", OptionList)
        with self.prevent(OptionList.OptionHighlighted):
            option_list.clear_options()
            option_list.add_options(
                Option(
                    f"{'▶ ' if pitch.is_next else '  '}{clip(pitch.name, 22)}\n"
                    f"   {format_duration(pitch.limit_seconds)} · v{pitch.current_version}",
                    id=str(pitch.id),
                )
                for pitch in pitches
            )
        self.query_one("#pitch-empty", Static).update(EMPTY_NOTE if not pitches else NEXT_NOTE)
        if not pitches:
            return None
        wanted = select
        if wanted is None or all(p.id != wanted for p in pitches):
            wanted = pitches[0].id
        index = next(i for i, p in enumerate(pitches) if p.id == wanted)
        with self.prevent(OptionList.OptionHighlighted):
            option_list.highlighted = index
        return wanted

    def focus_list(self) -> None:
        self.query_one("#pitch-list", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#pitch-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(self, int(event.option.id)))
