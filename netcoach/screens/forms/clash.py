"""Two copies of netcoach changed the same field: the dialog that lets the person choose.

``ClashView`` is a clash as the dialog shows it (the field's label and both values
in words); ``ClashModal`` asks, for each, whether to keep theirs or the saved one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from netcoach.core.text import visible


@dataclass(frozen=True, slots=True)
class ClashView:
    """A clash as the dialog shows it: the field's label and both values in words."""

    field: str
    label: str
    theirs: str
    mine: str


def excerpt(text: str, lines: int = 3, width: int = 200) -> str:
    """The start of ``text`` for a dialog: a few lines, each cut short, safe to show."""
    kept = visible(text, multiline=True).split("\n")
    shown = [line if len(line) <= width else line[: width - 1] + "…" for line in kept[:lines]]
    if len(kept) > lines:
        shown[-1] += " …"
    return "\n".join(shown) or "(blank)"


class ClashModal(ModalScreen[dict[str, str] | None]):
    """Asked when a save meets fields another netcoach changed since the form opened.

    For each clash the person keeps theirs ("mine") or the saved one ("theirs");
    dismisses with {field: "mine" | "theirs"}, or None (escape) to go back to the
    form with nothing saved and nothing lost.
    """

    DEFAULT_CSS = """
    ClashModal {
        align: center middle;
        & > #clash-box {
            width: 78;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: thick $warning;
            background: $surface;
            padding: 0 1;
        }
        & #clash-question {
            height: auto;
            margin-bottom: 1;
        }
        & #clash-list {
            height: auto;
            max-height: 50vh;
        }
        & .clash {
            height: auto;
            margin-bottom: 1;
        }
        & .clash-field {
            text-style: bold;
        }
        & .clash-value {
            height: auto;
            padding-left: 2;
        }
        & .clash-choice {
            height: auto;
            padding-left: 2;
            & > Button {
                margin-right: 2;
                width: 22;  /* room for the ✓ a choice gets, so no label is cut */
            }
        }
        & #clash-buttons {
            height: auto;
            & > Button {
                margin-right: 1;
            }
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "decide", "Save my choices", id="clash.save", priority=True),
        Binding("escape", "back", "Back to the form", id="clash.back"),
        Binding("left,up", "app.focus_previous", "Previous", id="clash.previous", show=False),
        Binding("right,down", "app.focus_next", "Next", id="clash.next", show=False),
    ]

    def __init__(self, form_name: str, clashes: list[ClashView]) -> None:
        super().__init__()
        self.form_name = form_name
        self.clashes = clashes
        self.decisions: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        count = len(self.clashes)
        fields = "a field" if count == 1 else f"{count} fields"
        question = (
            f"Another netcoach saved this {self.form_name} since you opened it, and changed "
            f"{fields} you changed too. Choose which value to keep in each. Fields only you "
            "changed are saved as you typed them; the others keep what is saved."
        )
        with Vertical(id="clash-box"):
            yield Static(Content(question), id="clash-question")
            with VerticalScroll(id="clash-list", can_focus=False):
                for index, clash in enumerate(self.clashes):
                    with Vertical(classes="clash", id=f"clash-{index}"):
                        yield Label(Content(clash.label), classes="clash-field")
                        for side, value in (("Saved", clash.theirs), ("Yours", clash.mine)):
                            yield Static(
                                Content(f"{side}: " + excerpt(value).replace("\n", "\n       ")),
                                classes=f"clash-value clash-{side.lower()}",
                            )
                        with Horizontal(classes="clash-choice"):
                            yield Button("Keep yours", id=f"clash-{index}-mine", compact=True)
                            yield Button(
                                "Keep the saved one", id=f"clash-{index}-theirs", compact=True
                            )
            with Horizontal(id="clash-buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="clash-save")
                yield Button("All yours", id="clash-all-mine", tooltip="Keep yours in every field")
                yield Button(
                    "All saved", id="clash-all-theirs", tooltip="Keep the saved one in every field"
                )
                yield Button("Back  esc", id="clash-back")

    def on_mount(self) -> None:
        self.query_one("#clash-0-mine", Button).focus(scroll_visible=False)

    @on(Button.Pressed, ".clash-choice Button")
    def chosen(self, event: Button.Pressed) -> None:
        """Keep one side for this clash: its button is marked, the other unmarked."""
        event.stop()
        index, _sep, side = (event.button.id or "").removeprefix("clash-").partition("-")
        self.decisions[self.clashes[int(index)].field] = side
        for button in self.query(f"#clash-{index} Button").results(Button):
            picked = button is event.button
            text = str(button.label).removeprefix("✓ ")
            button.label = f"✓ {text}" if picked else text
            button.variant = "success" if picked else "default"
        self.focus_next_open()

    def focus_next_open(self) -> None:
        """Focus the first clash not decided yet, its field and values in view; else Save."""
        for index, clash in enumerate(self.clashes):
            if clash.field not in self.decisions:
                self.query_one(f"#clash-{index}-mine", Button).focus(scroll_visible=False)
                self.query_one(f"#clash-{index}").scroll_visible(animate=False)
                return
        self.query_one("#clash-save", Button).focus()

    @on(Button.Pressed, "#clash-save")
    def action_decide(self) -> None:
        if len(self.decisions) < len(self.clashes):
            self.notify("Choose for each field: keep yours or the saved one.", markup=False)
            self.focus_next_open()
            return
        self.dismiss(dict(self.decisions))

    @on(Button.Pressed, "#clash-all-mine")
    def all_mine(self) -> None:
        self.dismiss({clash.field: "mine" for clash in self.clashes})

    @on(Button.Pressed, "#clash-all-theirs")
    def all_theirs(self) -> None:
        self.dismiss({clash.field: "theirs" for clash in self.clashes})

    @on(Button.Pressed, "#clash-back")
    def action_back(self) -> None:
        self.dismiss(None)
