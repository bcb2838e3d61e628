"""The `?` screen: every key that works where the person is, with what it does."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static


class HelpScreen(ModalScreen[None]):
    """Lists the global keys and the keys of the screen it was opened from."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close", id="help.close"),
        Binding("question_mark", "dismiss", "Close", id="help.close-again", show=False),
    ]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static("Keys", id="help-title")
            yield DataTable(id="help-table", cursor_type="row", zebra_stripes=True)
            yield Static(
                "escape closes this list · ctrl+p finds any command by name", id="help-hint"
            )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Key", "What it does", "Where")
        seen: set[tuple[str, str]] = set()
        # Keys of the focused part of the screen (a Today card, a picker) come first.
        focused_parts = []
        node = self.under.focused
        while node is not None and node is not self.under:
            if type(node).__module__.startswith("netcoach.") and node.BINDINGS:
                focused_parts.append((type(node).__name__.removesuffix("Section"), node.BINDINGS))
            node = node.parent  # type: ignore[assignment]
        for where, bindings in (
            *focused_parts,
            (self.under.__class__.__name__.removesuffix("Screen"), self.under.BINDINGS),
            ("everywhere", self.app.BINDINGS),
        ):
            for binding in bindings:
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                key = self.app.get_key_display(binding)
                if (key, binding.description) in seen:
                    continue
                seen.add((key, binding.description))
                table.add_row(Text(key), Text(binding.description), Text(where))
        table.add_row(
            Text("ctrl+p"), Text("Command palette: search every command"), Text("everywhere")
        )
        table.focus()
