"""The pitch guide's examples: a strong and a weak one for each part, in a trade.

``GuideExamples``, a base of the guide screen, shows the examples of the trade chosen
and follows the trade typed in the profile: the guide's own examples when it has that
trade, else ones made for it from the check's lines ("Printer (yours)"). The screen is
``netcoach.screens.pitch_guide.PitchGuideScreen``.
"""

from __future__ import annotations

from textual import on
from textual.content import Content
from textual.widgets import Input, Select, Static

from netcoach.core.pitch import PARTS, TRADES, Profile, matching_trade
from netcoach.core.pitch.guide_examples import guide_example, own_trade_label
from netcoach.screens.forms import FormGuard
from netcoach.screens.pitch_guide_parts import GuideResult
from netcoach.widgets.profile_fields import ProfileFields


class GuideExamples(FormGuard[GuideResult | None]):
    """The examples shown beside the question of the part in view."""

    step: int
    trade: str
    trade_choices: list[str]
    """The guide's trades, and the person's own after them when the guide has none of it."""
    # The guide screen's own: whether the profile step is in view, and its fields.
    on_profile: bool
    profile_fields: ProfileFields

    def _follow_trade(self, trade: str) -> None:
        """Show the examples of the person's own trade: the guide's own when it has some,
        else ones made from the check's lines for that trade ("Printer (yours)")."""
        matched = matching_trade(trade, TRADES)
        own = "" if matched else own_trade_label(Profile(trade=trade))
        choices = [*TRADES, own] if own else list(TRADES)
        wanted = matched or own or (self.trade if self.trade in choices else TRADES[0])
        select = self.query_one("#guide-trade", Select)
        with self.prevent(Select.Changed):
            if choices != self.trade_choices:
                self.trade_choices = choices
                select.set_options([(choice, choice) for choice in choices])
            if select.value != wanted:
                select.value = wanted
        if wanted != self.trade:
            self.trade = wanted
            if not self.on_profile:
                self._show_examples()

    @on(Input.Changed, "#profile-trade")
    def profile_trade_changed(self, event: Input.Changed) -> None:
        self._follow_trade(event.value)

    def _show_examples(self) -> None:
        part = PARTS[self.step]
        if self.trade in TRADES:
            example = next(e for e in part.examples if e.trade == self.trade)
        else:
            example = guide_example(part.key, self.profile_fields.read())
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
