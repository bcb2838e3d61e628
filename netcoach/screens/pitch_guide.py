"""The pitch guide: who you are, then one question per part of a good pitch, with examples.

Its first step asks the profile (name, business, trade, ideal referral) while it is
blank; the guide then opens on the first part, and ctrl+b goes back to it. On a pitch
that exists, the parts open filled in from the script (as the structure check splits
it); finishing replaces the script by the answers only when one of them was changed.

Here is the screen, ``PitchGuideScreen``: its steps, the draft kept while typing, and
the save. The answers made into a script (``GuideResult``, ``edit_parts``,
``insert_part``, importable from here too) are in ``netcoach.screens.pitch_guide_parts``;
the examples in the person's trade in ``netcoach.screens.pitch_guide_examples``.
"""

from __future__ import annotations

import logging
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Header, Select, Static, TextArea

from netcoach.core.pitch import (
    DEFAULT_LIMIT_SECONDS,
    PART_KEYS,
    PARTS,
    TRADES,
    Profile,
    profile_changes,
    script_stats,
    split_parts,
    tidy_profile,
)
from netcoach.data.errors import PitchError
from netcoach.data.repo import Store
from netcoach.screens.pitch_guide_examples import GuideExamples
from netcoach.screens.pitch_guide_parts import GuideAnswers, GuideResult, edit_parts, insert_part
from netcoach.widgets.failures import failure_reason, log_failure
from netcoach.widgets.footer import Footer
from netcoach.widgets.keys import keys_handed_out
from netcoach.widgets.limited import LimitedTextArea
from netcoach.widgets.profile_fields import ProfileFields

log = logging.getLogger("netcoach")

__all__ = ["PROFILE_STEP", "GuideResult", "PitchGuideScreen", "edit_parts", "insert_part"]

PROFILE_STEP = -1
"""The step that asks who you are, before the first part."""


class PitchGuideScreen(GuideExamples, GuideAnswers):
    """Walks through the profile and the seven parts; dismisses with a ``GuideResult``, or
    None when cancelled.

    Opened with ``part`` it reworks that one part of ``script`` and leaves the rest alone.
    """

    TITLE = "netcoach — Pitch guide"

    CSS_PATH = "../styles/pitch.tcss"
    FORM_NAME = "pitch guide"
    LOAD_BODY = "#guide-body"
    DRAFT_NAME = "pitch-guide"
    SAVE_BUTTON = "#guide-finish"

    # The step keys go first (priority), then wait for the keys typed before them (see
    # ``keys_handed_out``): typed fast, every letter stays in the step it was typed in.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", "Next part", id="pitch-guide.next", priority=True),
        Binding("ctrl+b", "back", "Previous part", id="pitch-guide.back", priority=True),
        Binding("ctrl+s", "finish", "Finish", id="pitch-guide.finish", priority=True),
        Binding("escape", "cancel", "Cancel", id="pitch-guide.cancel"),
    ]

    class Loaded(Message):
        def __init__(
            self, answers: dict[str, str], wpm: float, profile: Profile, asked: bool = False
        ) -> None:
            super().__init__()
            self.answers = answers
            self.wpm = wpm
            self.profile = profile
            self.asked = asked

    class Saved(Message):
        def __init__(self, result: GuideResult | None) -> None:
            super().__init__()
            self.result = result

    class Refused(Message):
        """A profile field was refused (too long); nothing was written."""

        def __init__(self, field: str, error: str) -> None:
            super().__init__()
            self.field = field
            self.error = error

    def __init__(
        self,
        store: Store,
        script: str | None = None,
        part: str | None = None,
        limit_seconds: int = DEFAULT_LIMIT_SECONDS,
        pitch_id: int | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.pitch_id = pitch_id
        self.limit_seconds = limit_seconds
        self.script = script
        self.single_part = part if part in PART_KEYS else None
        self.step = PART_KEYS.index(self.single_part) if self.single_part else 0
        self.answers: dict[str, str] = {}
        self.previous_answers: dict[str, str] = {}
        """The answers the guide opened with: from the script, or the guide's last ones."""
        self.opened_profile = Profile()
        self.profile_shown = False  # the profile step was on screen: asked, once finished
        self.wpm = 130.0
        self.trade = TRADES[0]
        self.trade_choices = list(TRADES)  # the guide's trades, and the person's own after

    @property
    def on_profile(self) -> bool:
        return self.step == PROFILE_STEP

    @property
    def profile_fields(self) -> ProfileFields:
        return self.query_one("#guide-profile", ProfileFields)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="guide-body"):
            with VerticalScroll(id="guide-step"):
                yield Static("", id="guide-progress")
                yield Static("", id="guide-question")
                with Vertical(id="guide-profile-step"):
                    yield ProfileFields(compact=True, id="guide-profile")
                    yield Static(
                        "A trade being typed is offered in full: → takes it. Asked once: "
                        "change it later in Settings (ctrl+p).",
                        id="guide-profile-hint",
                    )
                with Vertical(id="guide-part-step"):
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
        profile = pitches.person_profile()
        script = self.script or ""
        answers = split_parts(script, profile) if script.strip() else pitches.profile()
        answers = {key: text for key, text in answers.items() if key in PART_KEYS and text}
        asked = pitches.profile_was_asked()
        self.post_message(self.Loaded(answers, pitches.speaking_rate(), profile, asked))

    @on(Loaded)
    def loaded(self, message: Loaded) -> None:
        self.answers = dict(message.answers)
        self.previous_answers = dict(message.answers)
        self.wpm = message.wpm
        self.opened_profile = message.profile
        self.profile_fields.show(message.profile)
        self._follow_trade(message.profile.trade)
        if self.single_part is None and message.profile.is_blank and not message.asked:
            self.step = PROFILE_STEP  # asked once: blank, and never finished since asked
        self.query_one("#guide-body").loading = False
        self.show_step()
        self.form_ready()

    # ---- the draft kept while typing -------------------------------------------------------

    def draft_values(self) -> dict[str, Any]:
        """The answers and the profile as typed (the open answer straight from its text area)."""
        answers = dict(self.answers)
        if not self.on_profile:
            answers[PARTS[self.step].key] = self.query_one("#guide-answer", TextArea).text
        return {
            "answers": {key: text for key, text in answers.items() if text},
            "profile": self.profile_fields.typed(),
        }

    def restore_values(self, values: dict[str, Any]) -> None:
        answers = values.get("answers")
        if isinstance(answers, dict):
            self.answers.update({str(k): str(v) for k, v in answers.items() if k in PART_KEYS})
        profile = values.get("profile")
        if isinstance(profile, dict):
            typed = {str(k): str(v) for k, v in profile.items()}
            self.profile_fields.show(tidy_profile(typed))
            self._follow_trade(typed.get("trade", ""))
        self.show_step()

    def start_save(self) -> None:
        self.finish()

    def draft_key(self) -> str:
        """A draft belongs to its pitch (and to the part reworked): never offered on another."""
        if self.pitch_id is None:
            return "new"
        return f"{self.pitch_id}-{self.single_part}" if self.single_part else str(self.pitch_id)

    # ---- one step --------------------------------------------------------------------------

    def show_step(self) -> None:
        on_profile = self.on_profile
        self.query_one("#guide-profile-step").display = on_profile
        self.query_one("#guide-part-step").display = not on_profile
        self.query_one("#guide-back", Button).disabled = self.single_part is not None or (
            self.step == PROFILE_STEP
        )
        if on_profile:
            self.profile_shown = True
            self.query_one("#guide-progress", Static).update("First, about you")
            self.query_one("#guide-question", Static).update(
                "Who are you, what is your business and trade, and who is the "
                "referral you most want? Any of it may stay blank."
            )
            self.query_one("#guide-next", Button).disabled = False
            # Focus moves now, not after a refresh: the next key typed goes there.
            self.set_focus(self.profile_fields.first_field)
            self.update_preview()
            return
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
        self.set_focus(answer)
        self.query_one("#guide-next", Button).disabled = self.single_part is not None or (
            self.step == len(PARTS) - 1
        )
        self.update_preview()

    @on(TextArea.Changed, "#guide-answer")
    def answer_changed(self) -> None:
        self.keep_answer()
        self.update_preview()

    def keep_answer(self) -> None:
        """Take the answer from the text area now: a key may move on before Changed arrives."""
        if not self.on_profile:
            self.answers[PARTS[self.step].key] = self.query_one("#guide-answer", TextArea).text

    def update_preview(self) -> None:
        script = self.new_script()
        stats = script_stats(script, self.limit_seconds, self.wpm)
        self.query_one("#guide-stats", Static).update(Content(stats.summary()))
        self.query_one("#guide-preview", Static).update(
            Content(script or "(your answers will appear here)")
        )

    # ---- moving between steps --------------------------------------------------------------

    async def action_next(self) -> None:
        await keys_handed_out(self)
        self.next_step()

    async def action_back(self) -> None:
        await keys_handed_out(self)
        self.previous_step()

    async def action_finish(self) -> None:
        await keys_handed_out(self)
        self.finish()

    @on(Button.Pressed, "#guide-next")
    def next_step(self) -> None:
        self.keep_answer()
        if self.single_part is None and self.step < len(PARTS) - 1:
            self.step += 1
            self.show_step()

    @on(Button.Pressed, "#guide-back")
    def previous_step(self) -> None:
        self.keep_answer()
        if self.single_part is None and self.step > PROFILE_STEP:
            self.step -= 1
            self.show_step()

    @on(Button.Pressed, "#guide-finish")
    def finish(self) -> None:
        if self.save_refused_before_load():
            return
        self.keep_answer()
        script = self.new_script()
        profile = self.profile_fields.read()
        profile_changed = bool(profile_changes(profile, self.opened_profile))
        if not script.strip() and not profile_changed:
            self.notify("Answer at least one question first.", severity="warning")
            self.save_settled(False)
            return
        self.show_save_failure(None)
        self.profile_fields.show_error("", "")
        # Only the answers changed here: another copy's answers to the other questions stay.
        changed = {
            key: text
            for key, text in self.answers.items()
            if text != self.previous_answers.get(key, "")
        }
        result = self.result(script) if script.strip() else None
        opened = self.opened_profile if profile_changed else None
        self.save_profile(changed, profile, opened, result, self.saved_draft_sequence())

    @work(thread=True, group="db-write", exit_on_error=False)
    def save_profile(
        self,
        answers: dict[str, str],
        profile: Profile,
        opened: Profile | None,
        result: GuideResult | None,
        sequence: int,
    ) -> None:
        """Keep the answers changed and, when ``opened`` is given, the profile's changes."""
        try:
            if opened is not None:
                self.store.pitches.save_person_profile(profile, opened)
            self.store.pitches.save_profile(answers, asked=self.profile_shown)
        except PitchError as error:
            self.post_message(self.Refused(error.field, str(error)))
            return
        except Exception as error:
            log_failure("saving the pitch guide's answers", error)
            self.post_message(self.SaveFailed(failure_reason(error)))
            return
        self.forget_draft(self.draft_file, sequence)
        self.post_message(self.Saved(result))

    @on(Refused)
    def refused(self, message: Refused) -> None:
        self.save_settled(False)
        if not self.single_part:
            self.step = PROFILE_STEP
            self.show_step()
        self.profile_fields.show_error(message.field, message.error)
        self.notify(f"Not saved: {message.error}", severity="warning", markup=False)

    @on(Saved)
    def saved(self, message: Saved) -> None:
        if message.result is None:
            self.notify("Your profile is saved; answer a part to start the pitch.", markup=False)
        self.dismiss(message.result)
