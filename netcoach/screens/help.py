"""The `?` screen: every key that works where the person is, with what it does."""

from __future__ import annotations

import re
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from netcoach.widgets.keys import KeyContract

HINT = (
    "Letters act on lists; in a field they are typed and escape leaves the field. "
    "escape closes this list · ctrl+p finds any command by name"
)


def humanized(class_name: str) -> str:
    """``ContactDetailScreen`` → ``Contact detail``: a class name as words, for a fallback."""
    for suffix in ("Screen", "Modal", "Section"):
        class_name = class_name.removesuffix(suffix)
    words = re.findall(r"[A-Z][a-z]*|[a-z]+|\d+", class_name) or [class_name]
    return " ".join([words[0], *(word.lower() for word in words[1:])])


def screen_place(screen: Screen[object]) -> str:
    """The name a person uses for ``screen``: the one its header shows."""
    from netcoach.app import SCREENS

    title = type(screen).TITLE
    if title:
        return title.rpartition(" — ")[2]
    where = f"{type(screen).__module__}:{type(screen).__name__}"
    for _mode, _key, name, screen_where in SCREENS:
        if screen_where == where:
            return name
    return humanized(type(screen).__name__)


def part_place(node: DOMNode) -> str:
    """The name of a part of a screen (a Today card, the contacts list): its ``PLACE``."""
    return getattr(node, "PLACE", None) or humanized(type(node).__name__)


class HelpScreen(KeyContract, ModalScreen[None]):
    """Lists the keys of the focused part, of the screen it was opened from, and the global keys."""

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
            yield Static(HINT, id="help-hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Key", "What it does", "Where")
        seen: set[tuple[str, str]] = set()
        # Keys of the focused part of the screen (a Today card, a picker) come first.
        focused_parts: list[tuple[str, list[BindingType]]] = []
        node = self.under.focused
        while node is not None and node is not self.under:
            if type(node).__module__.startswith("netcoach.") and node.BINDINGS:
                focused_parts.append((part_place(node), node.BINDINGS))
            node = node.parent  # type: ignore[assignment]
        for where, bindings in (
            *focused_parts,
            (screen_place(self.under), self.under.BINDINGS),
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
