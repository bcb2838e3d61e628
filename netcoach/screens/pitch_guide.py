"""The pitch guide: one question per part of a good pitch, with strong and weak examples."""

from __future__ import annotations

import logging
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Header, Select, Static, TextArea

from netcoach.core.pitch import (
    DEFAULT_LIMIT_SECONDS,
    PART_KEYS,
    PARTS,
    TRADES,
    assemble_script,
    replace_part,
    script_stats,
)
from netcoach.data.repo import Store
from netcoach.screens.forms import FormGuard
from netcoach.widgets.failures import failure_reason, log_failure
from netcoach.widgets.footer import Footer
from netcoach.widgets.limited import LimitedTextArea

log = logging.getLogger("netcoach")


class PitchGuideScreen(FormGuard[str | None]):
    """Walks through the seven parts; dismisses with the new script, or None when cancelled.

    Opened with ``part`` it reworks that one part of ``script`` and leaves the rest alone.
    """

    TITLE = "netcoach — Pitch guide"

    CSS_PATH = "../styles/pitch.tcss"
    FORM_NAME = "pitch guide"
    LOAD_BODY = "#guide-body"
    DRAFT_NAME = "pitch-guide"
    SAVE_BUTTON = "#guide-finish"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", "Next part", id="pitch-guide.next"),
        Binding("ctrl+b", "back", "Previous part", id="pitch-guide.back"),
        Binding("ctrl+s", "finish", "Finish", id="pitch-guide.finish"),
        Binding("escape", "cancel", "Cancel", id="pitch-guide.cancel"),
    ]

    class Loaded(Message):
        def __init__(self, answers: dict[str, str], wpm: float) -> None:
            super().__init__()
            self.answers = answers
            self.wpm = wpm

    class Saved(Message):
        def __init__(self, script: str) -> None:
            super().__init__()
            self.script = script

    def __init__(
        self,
        store: Store,
        script: str | None = None,
        part: str | None = None,
        limit_seconds: int = DEFAULT_LIMIT_SECONDS,
    ) -> None:
        super().__init__()
        self.store = store
        self.limit_seconds = limit_seconds
        self.script = script
        self.single_part = part if part in PART_KEYS else None
        self.step = PART_KEYS.index(self.single_part) if self.single_part else 0
        self.answers: dict[str, str] = {}
        self.previous_answers: dict[str, str] = {}
        self.wpm = 130.0
        self.trade = TRADES[0]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="guide-body"):
            with VerticalScroll(id="guide-step"):
                yield Static("", id="guide-progress")
                yield Static("", id="guide-question")
                yield Select(
                    [(trade, trade) for trade in TRADES],
                    value=TRADES[0],
                    allow_blank=False,
                    id="guide-trade",
                )
                yield Static("", id="guide-strong", classes="guide-example")
                yield Static("", id="guide-weak", classes="guide-example")
                yield Static("Your answer", classes="section-title")
                yield LimitedTextArea(id="guide-answer", soft_wrap=True)
                with Horizontal(id="guide-buttons"):
                    yield Button("Back  ctrl+b", id="guide-back")
                    yield Button("Next  ctrl+n", variant="primary", id="guide-next")
                    yield Button("Finish  ctrl+s", variant="success", id="guide-finish")
            with VerticalScroll(id="guide-preview-box"):
                yield Static("Your pitch so far", classes="section-title")
                yield Static("", id="guide-stats")
                yield Static("", id="guide-preview")
        yield Footer()

    def on_mount(self) -> None:
        self.begin_load(self.load)

    @work(thread=True, exclusive=True, group="pitch-guide-load", exit_on_error=False)
    def load(self) -> None:
        pitches = self.store.pitches
        self.post_message(self.Loaded(pitches.profile(), pitches.speaking_rate()))

    @on(Loaded)
    def loaded(self, message: Loaded) -> None:
        self.answers = dict(message.answers)
        self.previous_answers = dict(message.answers)
        self.wpm = message.wpm
        self.query_one("#guide-body").loading = False
        self.show_step()
        self.form_ready()

    # ---- the draft kept while typing -------------------------------------------------------

    def draft_values(self) -> dict[str, Any]:
        """The answers as typed (the open one straight from its text area)."""
        answers = dict(self.answers)
        answers[PARTS[self.step].key] = self.query_one("#guide-answer", TextArea).text
        return {"answers": {key: text for key, text in answers.items() if text}}

    def restore_values(self, values: dict[str, Any]) -> None:
        answers = values.get("answers")
        if isinstance(answers, dict):
            self.answers.update({str(k): str(v) for k, v in answers.items() if k in PART_KEYS})
            self.show_step()

    def start_save(self) -> None:
        self.action_finish()

    # ---- one step --------------------------------------------------------------------------

    def show_step(self) -> None:
        part = PARTS[self.step]
        progress = (
            f"Reworking one part: {part.title}"
            if self.single_part
            else f"Step {self.step + 1} of {len(PARTS)} · {part.title}"
        )
        self.query_one("#guide-progress", Static).update(progress)
        self.query_one("#guide-question", Static).update(Content(part.question))
        self._show_examples()
        answer = self.query_one("#guide-answer", TextArea)
        with self.prevent(TextArea.Changed):
            answer.load_text(self.answers.get(part.key, ""))
        answer.move_cursor(answer.document.end)
        answer.focus()
        self.query_one("#guide-back", Button).disabled = self.single_part is not None or (
            self.step == 0
        )
        self.query_one("#guide-next", Button).disabled = self.single_part is not None or (
            self.step == len(PARTS) - 1
        )
        self.update_preview()

    def _show_examples(self) -> None:
        part = PARTS[self.step]
        example = next((e for e in part.examples if e.trade == self.trade), part.examples[0])
        self.query_one("#guide-strong", Static).update(
            Content.from_markup("[b]Strong:[/b] $text", text=example.strong)
        )
        self.query_one("#guide-weak", Static).update(
            Content.from_markup("[b]Weak:[/b] $text", text=example.weak)
        )

    @on(Select.Changed, "#guide-trade")
    def trade_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.trade = event.value
            self._show_examples()

    @on(TextArea.Changed, "#guide-answer")
    def answer_changed(self) -> None:
        self.keep_answer()
        self.update_preview()

    def keep_answer(self) -> None:
        """Take the answer from the text area now: a key may move on before Changed arrives."""
        self.answers[PARTS[self.step].key] = self.query_one("#guide-answer", TextArea).text

    def new_script(self) -> str:
        """The whole pitch: assembled from the answers, or with only the reworked part swapped."""
        if self.single_part and self.script:
            key = self.single_part
            swapped = replace_part(
                self.script, self.previous_answers.get(key, ""), self.answers.get(key, "")
            )
            if swapped is not None:
                return swapped
        return assemble_script(self.answers)

    def update_preview(self) -> None:
        script = self.new_script()
        stats = script_stats(script, self.limit_seconds, self.wpm)
        self.query_one("#guide-stats", Static).update(Content(stats.summary()))
        self.query_one("#guide-preview", Static).update(
            Content(script or "(your answers will appear here)")
        )

    # ---- moving between steps --------------------------------------------------------------

    @on(Button.Pressed, "#guide-next")
    def action_next(self) -> None:
        self.keep_answer()
        if self.single_part is None and self.step < len(PARTS) - 1:
            self.step += 1
            self.show_step()

    @on(Button.Pressed, "#guide-back")
    def action_back(self) -> None:
        self.keep_answer()
        if self.single_part is None and self.step > 0:
            self.step -= 1
            self.show_step()

    @on(Button.Pressed, "#guide-finish")
    def action_finish(self) -> None:
        if self.save_refused_before_load():
            return
        self.keep_answer()
        script = self.new_script()
        if not script.strip():
            self.notify("Answer at least one question first.", severity="warning")
            self.save_settled(False)
            return
        self.show_save_failure(None)
        # Only the answers changed here: another copy's answers to the other questions stay.
        changed = {
            key: text
            for key, text in self.answers.items()
            if text != self.previous_answers.get(key, "")
        }
        self.save_profile(changed, script, self.saved_draft_sequence())

    @work(thread=True, group="db-write", exit_on_error=False)
    def save_profile(self, answers: dict[str, str], script: str, sequence: int) -> None:
        try:
            self.store.pitches.save_profile(answers)
        except Exception as error:
            log_failure("saving the pitch guide's answers", error)
            self.post_message(self.SaveFailed(failure_reason(error)))
            return
        self.forget_draft(self.draft_file, sequence)
        self.post_message(self.Saved(script))

    @on(Saved)
    def saved(self, message: Saved) -> None:
        self.dismiss(message.script)
